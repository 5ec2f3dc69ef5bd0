import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ArticleSummary, BroadcastResponse } from '../../../server/protocol/api';
import { mediaApi } from './api';
import { formatDateline } from '../ui/format';
import { sharedStyles } from '../ui/styles/shared';

/** The news agency's site id: its bulletins are what the loudspeakers read out. */
const BULLETIN_SITE = 'news-agency';

/**
 * What does reach a citizen with no network access: the one-way channel of state television,
 * radio and the loudspeakers — today's broadcast schedule and the latest bulletins. Shows
 * nothing at all when the server gives this reader neither.
 */
@localized()
@customElement('cis-one-way-channel')
export class CisOneWayChannel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        background: #fdf6ec;
        border: 2px solid #7a1f1f;
        border-radius: 10px;
        padding: 1rem 1.25rem;
        margin: 0 0 1.5rem;
      }
      h2 {
        margin: 0 0 0.25rem;
        color: #7a1f1f;
        font-size: 1.4rem;
      }
      h3,
      h4 {
        margin: 1rem 0 0.25rem;
        font-size: 1.1rem;
      }
      .lede {
        margin: 0 0 0.5rem;
        color: var(--cis-muted);
      }
      ul {
        margin: 0;
        padding-left: 1.25rem;
      }
      li {
        margin: 0.25rem 0;
      }
      time {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .summary {
        display: block;
        color: var(--cis-muted);
      }
    `,
  ];

  @state() private schedule: BroadcastResponse | undefined;
  @state() private bulletins: ArticleSummary[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void mediaApi.broadcast().then(
      (schedule) => (this.schedule = schedule),
      () => undefined,
    );
    void mediaApi.articles({ site: BULLETIN_SITE, pageSize: 5 }).then(
      (page) => (this.bulletins = page.articles),
      () => undefined,
    );
  }

  override render(): TemplateResult | typeof nothing {
    const schedule = this.schedule;
    if (!schedule && this.bulletins.length === 0) return nothing;
    return html`
      <section aria-labelledby="one-way-heading">
        <h2 id="one-way-heading">${msg('What reaches you: television, radio and loudspeakers')}</h2>
        <p class="lede">${msg('You cannot answer, search or look elsewhere: the state speaks, you listen.')}</p>
        ${
          this.bulletins.length
            ? html`<h3>${msg('Latest bulletins')}</h3>
                <ul>
                  ${this.bulletins.map(
                    (article) =>
                      html`<li><strong>${article.title}</strong><span class="summary">${article.summary}</span></li>`,
                  )}
                </ul>`
            : nothing
        }
        ${
          schedule
            ? html`<h3>${msg('Broadcast schedule for')} ${formatDateline(schedule.date)}</h3>
                ${schedule.channels.map(
                  (channel) =>
                    html`<h4>${channel.name}</h4>
                      <ul>
                        ${channel.items.map(
                          (item) => html`<li><time datetime=${item.time}>${item.time}</time> ${item.title}</li>`,
                        )}
                      </ul>`,
                )}`
            : nothing
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-one-way-channel': CisOneWayChannel;
  }
}
