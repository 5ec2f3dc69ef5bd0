import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { Me, Site } from '../../../server/protocol/api';
import { dmRoomId, parseChatPath } from './chat';
import { liveContext, meContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { addressLink } from '../ui/address-link';
import { sharedStyles } from '../ui/styles/shared';
import { siteHeadStyles } from '../browser/site-styles';
import type { CisChatRoom } from './cis-chat-room';
import { SiteAppElement } from '../browser/site-app-element';
import './cis-chat-lobby';
import './cis-chat-room';
import '../ui/cis-placard';
import '../cast/cis-cast-warning';

/** The placard every chat view shows: monitoring, rewritten words, vanishing messages. */
const WATCHED_PLACARD = 'chat-watched';
/** The placard that says who the people marked "Simulated" are. */
const CAST_PLACARD = 'simulated-cast';

/**
 * A chat site (chat.intra, or chat.guest on the foreigners' network) inside the browser
 * frame: the room list and contacts at '', a room at '/room/<id>', a conversation at
 * '/dm/<username>'. Links ask the frame to open their address, so every room opened is
 * recorded. The simulated bureau's warnings show above whichever page is open.
 * `data-live` is "on" while the socket is connected (for tests and styling).
 */
@localized()
@customElement('cis-chat-site')
export class CisChatSite extends SiteAppElement {
  static override styles = [
    sharedStyles,
    siteHeadStyles,
    css`
      .banner {
        height: 10px;
        margin-bottom: 1rem;
        background: linear-gradient(to bottom, #1e3a8a 0 3px, #ffffff 3px 4px, #b91c1c 4px 10px);
      }
      :host([network='foreign']) h2 {
        font-family: inherit;
      }
      .about {
        margin-top: 1.5rem;
        display: grid;
        gap: 1rem;
      }
      .notice h3 {
        margin: 0.5rem 0;
      }
    `,
  ];

  /** The site's network, reflected for its look. */
  @property({ reflect: true }) network = 'domestic';

  /** The logged-in user, provided by the app shell. */
  @consume({ context: meContext, subscribe: true })
  @property({ attribute: false })
  me: Me | undefined;

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  /** Only for `data-live`: the lobby and the room subscribe to what they show. */
  private readonly subscription = new LiveSubscription(this, { live: () => this.live, reflect: true });

  /** Move focus to the page's heading (the room's, in a room). */
  override async focusHeading(): Promise<void> {
    await this.updateComplete;
    const room = this.renderRoot.querySelector<CisChatRoom>('cis-chat-room');
    if (room) await room.focusHeading();
    else this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override willUpdate(): void {
    if (this.site) this.network = this.site.network;
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    const me = this.me;
    if (!site || !me) return nothing;
    const route = parseChatPath(this.path);
    return html`
      <div class="banner" aria-hidden="true"></div>
      <h2 tabindex="-1">${site.title}</h2>
      <p class="address">${msg('Address:')} <code>${site.address}</code></p>
      <cis-cast-warning></cis-cast-warning>
      ${this.renderRoute(site, me, route)}
      <div class="about">
        ${site.placardId ? html`<cis-placard .placardId=${site.placardId}></cis-placard>` : nothing}
        ${site.placardId !== WATCHED_PLACARD ? html`<cis-placard .placardId=${WATCHED_PLACARD}></cis-placard>` : nothing}
        <cis-placard .placardId=${CAST_PLACARD}></cis-placard>
      </div>
    `;
  }

  /** One element per room (keyed), so that leaving a room for another one starts afresh. */
  private renderRoom(site: Site, me: Me, roomId: string): TemplateResult {
    return html`${keyed(roomId, html`<cis-chat-room .site=${site} .me=${me} .roomId=${roomId}></cis-chat-room>`)}`;
  }

  private renderRoute(site: Site, me: Me, route: ReturnType<typeof parseChatPath>): TemplateResult {
    switch (route.kind) {
      case 'lobby':
        return html`<cis-chat-lobby .site=${site} .me=${me}></cis-chat-lobby>`;
      case 'room':
        return this.renderRoom(site, me, route.roomId);
      case 'dm':
        return this.renderRoom(site, me, dmRoomId(me.username, route.username));
      case 'unknown':
        return html`
          <div class="notice">
            <h3>${msg('There is no such page on this site')}</h3>
            <p>${msg('The address names a page this site does not have.')}</p>
            <p>${addressLink(site.address, msg('Go to the room list'))}</p>
          </div>
        `;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-chat-site': CisChatSite;
  }
}
