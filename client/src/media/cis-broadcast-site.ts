import { css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { BroadcastChannel, BroadcastResponse } from '../../../server/protocol/api';
import { mediaApi } from './api';
import { PendingFocus } from '../core/controllers/pending-focus';
import { formatDateline } from '../ui/format';
import { siteAbout } from '../browser/site-templates';
import { sharedStyles } from '../ui/styles/shared';
import { mediaPageStyles, mediaStyles } from './styles';
import type { CisMediaMasthead } from './cis-media-masthead';
import { SiteAppElement } from '../browser/site-app-element';
import './cis-media-masthead';

/**
 * The broadcast schedule site: today's listings for each state TV and radio channel,
 * in the same grand dress as the newspapers. It has one page; any other path shows it too.
 */
@localized()
@customElement('cis-broadcast-site')
export class CisBroadcastSite extends SiteAppElement {
  static override styles = [
    sharedStyles,
    mediaStyles,
    mediaPageStyles,
    css`
      .day {
        margin: 0 0 1rem;
        text-align: center;
        font-family: var(--media-serif);
        font-size: 1.2rem;
        font-weight: 700;
        color: var(--media-red-ink);
      }
      h3 {
        margin: 1.5rem 0 0;
        font-size: 1.6rem;
        color: var(--media-red-ink);
        text-transform: uppercase;
        letter-spacing: 0.06em;
      }
      .star {
        color: var(--media-red);
      }
      .channels {
        display: grid;
        gap: 1.25rem;
        grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr));
      }
      h4 {
        margin: -1rem -1.25rem 0.75rem;
        padding: 0.6rem 1.25rem;
        background: var(--media-red);
        color: var(--media-gold-light);
        font-size: 1.3rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: 4rem minmax(0, 1fr);
        gap: 0.75rem;
        padding: 0.6rem 0;
        border-bottom: 1px dashed var(--media-gold);
      }
      li:last-child {
        border-bottom: none;
      }
      time {
        font-family: var(--media-serif);
        font-size: 1.15rem;
        font-weight: 700;
        color: var(--media-red-ink);
      }
      .title {
        margin: 0;
        font-weight: 700;
      }
      .description {
        margin: 0.15rem 0 0;
      }
      .about {
        margin: 2rem 0 0;
        padding: 1rem 0 0;
        border-top: 2px solid var(--media-gold);
        color: var(--media-brown);
      }
      .about p {
        margin: 0 0 0.5rem;
        max-width: 50rem;
      }
    `,
  ];

  @state() private schedule: BroadcastResponse | undefined;
  @state() private phase: 'loading' | 'ready' | 'failed' = 'loading';

  @query('cis-media-masthead') private masthead: CisMediaMasthead | undefined;

  private readonly pendingFocus = new PendingFocus(this, {
    ready: () => this.phase !== 'loading',
    focus: () => void this.masthead?.focusTitle(),
  });

  /** Move focus to the site's title. */
  override async focusHeading(): Promise<void> {
    await this.pendingFocus.request();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('site') && !this.schedule) void this.load();
  }

  private async load(): Promise<void> {
    this.phase = 'loading';
    try {
      this.schedule = await mediaApi.broadcast();
      this.phase = 'ready';
    } catch {
      this.phase = 'failed';
    }
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    return html`
      <cis-media-masthead .site=${site} no-nav ?stats=${true}></cis-media-masthead>
      <div class="page">${this.renderSchedule()} ${siteAbout(site)}</div>
    `;
  }

  private renderSchedule(): TemplateResult {
    const schedule = this.schedule;
    if (this.phase === 'loading') return html`<p class="status" role="status">${msg('Loading…')}</p>`;
    if (this.phase === 'failed' || !schedule) {
      return html`<div role="alert">
        <p class="error">${msg('The schedule could not be loaded.')}</p>
        <button type="button" @click=${() => void this.load()}>${msg('Try again')}</button>
      </div>`;
    }
    const tv = schedule.channels.filter((channel) => channel.kind === 'tv');
    const radio = schedule.channels.filter((channel) => channel.kind === 'radio');
    return html`
      <p class="day">
        ${msg('Programmes for')} <time datetime=${schedule.date}>${formatDateline(schedule.date)}</time>
      </p>
      <p class="simulation-label">${msg('Simulation: these programmes are fictional')}</p>
      ${this.renderGroup('tv', msg('Television'), tv)} ${this.renderGroup('radio', msg('Radio'), radio)}
    `;
  }

  private renderGroup(id: string, title: string, channels: BroadcastChannel[]): TemplateResult | typeof nothing {
    if (channels.length === 0) return nothing;
    return html`
      <section aria-labelledby=${`group-${id}`}>
        <h3 id=${`group-${id}`}><span class="star" aria-hidden="true">★</span> ${title}</h3>
        <div class="rule" aria-hidden="true"></div>
        <div class="channels">
          ${channels.map(
            (channel) => html`
              <section class="panel" aria-labelledby=${`channel-${channel.id}`}>
                <h4 id=${`channel-${channel.id}`}>${channel.name}</h4>
                <ol>
                  ${channel.items.map(
                    (item) =>
                      html`<li>
                        <time datetime=${item.time}>${item.time}</time>
                        <div>
                          <p class="title">${item.title}</p>
                          <p class="description">${item.description}</p>
                        </div>
                      </li>`,
                  )}
                </ol>
              </section>
            `,
          )}
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-broadcast-site': CisBroadcastSite;
  }
}
