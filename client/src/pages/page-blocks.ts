/**
 * The blocks of a content page as templates: headings, paragraphs, lists, notices, tables (in a
 * region of their own that scrolls sideways and is reached with the keyboard) and the visible
 * "[passage removed]" mark. Every text is pack data, rendered as text.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { PageBlock } from '../../../server/protocol/api';

type TableBlock = Extract<PageBlock, { kind: 'table' }>;

function table(t: TableBlock): TemplateResult {
  return html`
    <div class="scroller" tabindex="0" role="region" aria-label=${t.caption}>
      <table>
        <caption>
          ${t.caption}
        </caption>
        <thead>
          <tr>
            ${t.columns.map((column) => html`<th scope="col">${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${t.rows.map(
            (row) =>
              html`<tr>
                ${row.map((cell, i) => (i === 0 && t.rowHeaders ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  `;
}

/** One block of a page. */
export function blockTemplate(block: PageBlock): TemplateResult {
  switch (block.kind) {
    case 'heading':
      return html`<h4>${block.text}</h4>`;
    case 'paragraph':
      return html`<p>${block.text}</p>`;
    case 'removed':
      return html`<p class="removed">
        <span class="mark">${msg('[passage removed]')}</span>
        <span class="visually-hidden">${msg('The checkers cut a passage from this copy here.')}</span>
      </p>`;
    case 'list':
      return block.ordered
        ? html`<ol>
            ${block.items.map((item) => html`<li>${item}</li>`)}
          </ol>`
        : html`<ul>
            ${block.items.map((item) => html`<li>${item}</li>`)}
          </ul>`;
    case 'notice':
      return html`<p class="notice-block">${block.text}</p>`;
    case 'table':
      return table(block);
  }
}
