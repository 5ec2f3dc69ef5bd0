import { LitElement, html, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { hierarchy, tree } from 'd3-hierarchy';
import type { SpreadItem } from '../../../server/protocol/debrief';
import { sharedStyles } from '../ui/styles/shared';
import { formatClock } from '../ui/format';
import { spreadTree } from './debrief';
import type { SpreadNode } from './debrief';
import { chartStyles } from './chart-styles';

const ROW = 44;
const COLUMN = 150;
const PAD = 16;

/**
 * Who passed a story or a file to whom: the share tree (open mode) or the hand-over chain (closed
 * mode), laid out with d3-hierarchy and drawn as SVG with attributes only. The drawing is hidden
 * from screen readers; the list beside it ("Min-ji → Jae-ho, 10:42") is the content.
 */
@localized()
@customElement('cis-spread-graph')
export class CisSpreadGraph extends LitElement {
  static override styles = [sharedStyles, chartStyles];

  /** The item whose spread to draw. */
  @property({ attribute: false }) item: SpreadItem | undefined;
  /** A player's shown name (a real name or "Student N"). */
  @property({ attribute: false }) nameOf: (id: string) => string = (id) => id;

  override render(): TemplateResult {
    const item = this.item;
    if (!item) return html``;
    const hops = [...item.edges].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return html`
      <figure>
        <figcaption>${msg(str`Spread of ${item.title}`)}</figcaption>
        <div class="chart">
          ${this.renderTree()}
          ${
            hops.length
              ? html`<ol class="hops">
                  ${hops.map(
                    (hop) =>
                      html`<li>
                        ${this.nameOf(hop.from)} → ${this.nameOf(hop.to)},
                        <time datetime=${hop.at}>${formatClock(hop.at)}</time>
                      </li>`,
                  )}
                </ol>`
              : html`<p>${msg('Nobody passed it on.')}</p>`
          }
        </div>
      </figure>
    `;
  }

  private renderTree(): TemplateResult {
    const root = this.item ? spreadTree(this.item.edges) : undefined;
    if (!root) return html``;
    const laid = tree<SpreadNode>().nodeSize([ROW, COLUMN])(hierarchy(root));
    const hidden = root.id === '';
    const nodes = laid.descendants().filter((node) => !(hidden && node.depth === 0));
    const links = laid.links().filter((link) => !(hidden && link.source.depth === 0));
    const shift = hidden ? COLUMN : 0;
    const top = Math.min(...nodes.map((n) => n.x));
    const bottom = Math.max(...nodes.map((n) => n.x));
    const right = Math.max(...nodes.map((n) => n.y)) - shift;
    const width = right + COLUMN + PAD * 2;
    const height = bottom - top + PAD * 2 + 8;
    const px = (y: number) => y - shift + PAD + 8;
    const py = (x: number) => x - top + PAD + 4;
    return html`
      <svg viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">
        ${links.map(
          (link) =>
            svg`<path class="link" d="M${px(link.source.y)} ${py(link.source.x)} C${px((link.source.y + link.target.y) / 2)} ${py(link.source.x)} ${px((link.source.y + link.target.y) / 2)} ${py(link.target.x)} ${px(link.target.y)} ${py(link.target.x)}"></path>`,
        )}
        ${nodes.map(
          (node) => svg`
            <circle class=${node.data.at ? 'node' : 'node first'} cx=${px(node.y)} cy=${py(node.x)} r="7"></circle>
            <text class="label" x=${px(node.y) + 12} y=${py(node.x) - 8}>${this.nameOf(node.data.id)}</text>`,
        )}
      </svg>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-spread-graph': CisSpreadGraph;
  }
}
