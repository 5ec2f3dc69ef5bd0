import { LitElement, html, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../ui/styles/shared';
import { recordTableStyles } from '../ui/styles/tables';
import { scrollingTable } from '../ui/scrolling-table';
import { formatClock } from '../ui/format';
import { niceMax } from './debrief';
import { chartStyles } from './chart-styles';

/** One moment of a timeline: when (ISO), what happened, and the running count after it. */
export interface TimelinePoint {
  at: string;
  text: string;
  value: number;
}

const WIDTH = 600;
const HEIGHT = 220;
const LEFT = 44;
const TOP = 16;
const BOTTOM = 40;

/**
 * A timeline drawn as SVG: a running count (say, how many people a story has reached) stepping
 * up at each moment, time along the x axis from the first moment. The picture is hidden from
 * screen readers; the table beside it (time, what happened, count) is the content.
 */
@localized()
@customElement('cis-timeline')
export class CisTimeline extends LitElement {
  static override styles = [sharedStyles, recordTableStyles, chartStyles];

  /** The chart's title. */
  @property() label = '';
  /** The heading of the count's column. */
  @property({ attribute: 'value-label' }) valueLabel = '';
  /** The moments, in any order. */
  @property({ attribute: false }) points: readonly TimelinePoint[] = [];

  override render(): TemplateResult {
    const points = [...this.points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const start = points.length ? Date.parse(points[0]!.at) : 0;
    const seconds = points.map((p) => Math.max(0, (Date.parse(p.at) - start) / 1000));
    const span = Math.max(1, ...seconds);
    const inMinutes = span >= 120;
    const spanShown = niceMax(inMinutes ? span / 60 : span);
    const spanSeconds = inMinutes ? spanShown * 60 : spanShown;
    const top = niceMax(Math.max(0, ...points.map((p) => p.value)));
    const plotWidth = WIDTH - LEFT - 16;
    const plotHeight = HEIGHT - TOP - BOTTOM;
    const x = (s: number) => (s / spanSeconds) * plotWidth;
    const y = (v: number) => plotHeight - (v / top) * plotHeight;
    let path = '';
    points.forEach((p, i) => {
      const px = x(seconds[i]!);
      const py = y(p.value);
      path += i === 0 ? `M${px} ${py}` : `H${px} V${py}`;
    });
    const unit = inMinutes ? msg('min') : msg('s');
    return html`
      <figure>
        <figcaption>${this.label}</figcaption>
        <div class="chart">
          <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true" focusable="false">
            <g transform="translate(${LEFT} ${TOP})">
              ${[0, 0.5, 1].map(
                (f) => svg`<line class="grid" x1="0" x2=${plotWidth} y1=${y(f * top)} y2=${y(f * top)}></line>
                  <text class="tick" x="-6" y=${y(f * top) + 4} text-anchor="end">${Math.round(f * top * 10) / 10}</text>`,
              )}
              <line class="axis" x1="0" x2=${plotWidth} y1=${plotHeight} y2=${plotHeight}></line>
              ${[0, 0.5, 1].map(
                (f) =>
                  svg`<text class="tick" x=${f * plotWidth} y=${plotHeight + 18} text-anchor=${f === 1 ? 'end' : f === 0 ? 'start' : 'middle'}>${Math.round(f * spanShown * 10) / 10} ${unit}</text>`,
              )}
              ${path ? svg`<path class="line s0" d=${path}></path>` : ''}
              ${points.map((p, i) => svg`<circle class="s0" cx=${x(seconds[i]!)} cy=${y(p.value)} r="5"></circle>`)}
            </g>
          </svg>
          ${scrollingTable({
            label: this.label,
            caption: this.label,
            columns: [msg('Time'), msg('What happened'), this.valueLabel],
            rows: points.map(
              (p) =>
                html`<tr>
                  <td><time datetime=${p.at}>${formatClock(p.at, { seconds: true })}</time></td>
                  <td>${p.text}</td>
                  <td class="number">${p.value}</td>
                </tr>`,
            ),
          })}
        </div>
      </figure>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-timeline': CisTimeline;
  }
}
