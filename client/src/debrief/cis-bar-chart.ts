import { LitElement, html, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { sharedStyles } from '../ui/styles/shared';
import { recordTableStyles } from '../ui/styles/tables';
import { scrollingTable } from '../ui/scrolling-table';
import { layoutBars } from './debrief';
import { chartStyles } from './chart-styles';

const WIDTH = 600;
const HEIGHT = 240;
const LEFT = 44;
const TOP = 36;
const BOTTOM = 44;

/**
 * A grouped bar chart drawn as SVG (attributes and classes only: no style attributes), with
 * its data table beside it. The picture is hidden from screen readers: the table is the content.
 * `values[group][series]`: one group per `groups` label, one bar per `series` label in each.
 */
@localized()
@customElement('cis-bar-chart')
export class CisBarChart extends LitElement {
  static override styles = [sharedStyles, recordTableStyles, chartStyles];

  /** The chart's title (the figure's caption and the table's name). */
  @property() label = '';
  /** The heading of the table's first column (what the groups are). */
  @property({ attribute: 'group-heading' }) groupHeading = '';
  /** The group labels along the x axis (the table's rows). */
  @property({ attribute: false }) groups: readonly string[] = [];
  /** Shorter labels for the x axis (say, item numbers), when `groups` are too long to fit there. */
  @property({ attribute: false }) shortGroups: readonly string[] | undefined;
  /** The series labels (the legend, shown for two or more, and the table's columns). */
  @property({ attribute: false }) series: readonly string[] = [];
  /** The least top of the scale: give charts shown side by side the same, so their bars compare. */
  @property({ attribute: false }) scaleMax = 0;
  /** `values[group][series]`. */
  @property({ attribute: false }) values: readonly (readonly number[])[] = [];

  override render(): TemplateResult {
    const plotWidth = WIDTH - LEFT - 8;
    const plotHeight = HEIGHT - TOP - BOTTOM;
    const layout = layoutBars(this.values, plotWidth, plotHeight, this.scaleMax);
    const ticks = [0, 0.5, 1].map((f) => f * layout.max);
    return html`
      <figure>
        <figcaption>${this.label}</figcaption>
        <div class="chart">
          <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true" focusable="false">
            ${(this.series.length > 1 ? this.series : []).map(
              (name, s) => svg`
                <rect class="s${s % 4}" x=${LEFT + s * 170} y="6" width="14" height="14"></rect>
                <text class="label" x=${LEFT + s * 170 + 20} y="18">${name}</text>`,
            )}
            <g transform="translate(${LEFT} ${TOP})">
              ${ticks.map((tick) => {
                const y = plotHeight - (tick / layout.max) * plotHeight;
                return svg`<line class="grid" x1="0" x2=${plotWidth} y1=${y} y2=${y}></line>
                  <text class="tick" x="-6" y=${y + 4} text-anchor="end">${Math.round(tick * 10) / 10}</text>`;
              })}
              ${layout.bars.map(
                (bar) => svg`
                  <rect class="s${bar.series % 4}" x=${bar.x + 1} y=${bar.y} width=${Math.max(0, bar.width - 2)} height=${bar.height}></rect>
                  <text class="value" x=${bar.x + bar.width / 2} y=${bar.y - 4} text-anchor="middle">${bar.value}</text>`,
              )}
              <line class="axis" x1="0" x2=${plotWidth} y1=${plotHeight} y2=${plotHeight}></line>
              ${layout.groupCentres.map(
                (x, g) =>
                  svg`<text class="label" x=${x} y=${plotHeight + 20} text-anchor="middle">${(this.shortGroups ?? this.groups)[g] ?? ''}</text>`,
              )}
            </g>
          </svg>
          ${scrollingTable({
            label: this.label,
            caption: this.label,
            columns: [this.groupHeading || this.label, ...this.series],
            rows: this.groups.map(
              (group, g) =>
                html`<tr>
                  <th scope="row">${group}</th>
                  ${this.series.map((_, s) => html`<td class="number">${this.values[g]?.[s] ?? 0}</td>`)}
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
    'cis-bar-chart': CisBarChart;
  }
}
