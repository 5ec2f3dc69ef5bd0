import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { ChatMessage, ChatPeer, ChatRoom, Me, Site } from '../../../server/protocol/api';
import { ApiFailure } from '../core/api';
import { chatApi } from './api';
import { liveContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { addressLink } from '../ui/address-link';
import { cardGridStyles } from '../ui/styles/lists';
import { sharedStyles } from '../ui/styles/shared';
import '../cast/cis-simulated-badge';

/**
 * The front page of a chat site: the rooms this user may join and the people they may
 * message directly, each a link to its address. Direct messages that arrive meanwhile
 * mark their sender as "New message" and are announced.
 */
@localized()
@customElement('cis-chat-lobby')
export class CisChatLobby extends LitElement {
  static override styles = [
    sharedStyles,
    cardGridStyles,
    css`
      h3 {
        margin: 1.25rem 0 0.5rem;
        font-size: 1.2rem;
      }
      li {
        border: 1px solid var(--cis-line);
        border-left: 5px solid #8b1414;
        border-radius: 8px;
        padding: 0.6rem 0.75rem;
        background: #fffdf6;
      }
      li a {
        font-size: 1.1rem;
        font-weight: 600;
        color: #1d4ed8;
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
      li p {
        margin: 0.2rem 0 0;
      }
      .meta {
        color: var(--cis-muted);
        font-size: 0.95rem;
      }
      .badge {
        display: inline-block;
        margin-left: 0.4rem;
        padding: 0 0.4rem;
        border-radius: 4px;
        font-size: 0.85rem;
        font-weight: 700;
        background: #fde2e2;
        color: #7f1212;
      }
      .badge.new {
        background: #dbeafe;
        color: #1e3a8a;
      }
      .intro p {
        margin: 0 0 0.75rem;
        max-width: 46rem;
      }
    `,
  ];

  /** The chat site, for its addresses and intro. */
  @property({ attribute: false }) site: Site | undefined;

  /** The logged-in user. */
  @property({ attribute: false }) me: Me | undefined;

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private rooms: ChatRoom[] = [];
  @state() private contacts: ChatPeer[] = [];
  @state() private loading = true;
  @state() private error = '';
  @state() private unread = new Set<string>();
  @state() private announcement = '';

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    afterFirstPaint: true,
    pushes: { 'chat:message': (message) => this.onMessage(message), 'chat:room': (room) => this.onRoom(room) },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** A room was closed or reopened: update its badge in the list. */
  private onRoom(room: ChatRoom): void {
    this.rooms = this.rooms.map((r) => (r.id === room.id ? { ...r, closed: room.closed } : r));
    this.announcement = room.closed ? msg(str`${room.title} has been closed.`) : msg(str`${room.title} is open again.`);
  }

  private onMessage(message: ChatMessage): void {
    if (!message.roomId.startsWith('dm:') || message.from === this.me?.username) return;
    this.unread = new Set([...this.unread, message.from]);
    this.announcement = msg(str`New direct message from ${message.fromName}`);
  }

  private async load(): Promise<void> {
    this.loading = true;
    try {
      const response = await chatApi.rooms();
      this.rooms = response.rooms;
      this.contacts = response.contacts;
      this.error = '';
    } catch (error) {
      this.error =
        error instanceof ApiFailure && error.status === 403
          ? msg('Your access does not include chat.')
          : msg('The rooms could not be loaded. Try again in a moment.');
    } finally {
      this.loading = false;
    }
  }

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    return html`
      <div class="intro">${site.intro.map((paragraph) => html`<p>${paragraph}</p>`)}</div>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      ${
        this.error
          ? html`<p class="error" role="alert">
              ${this.error}
              <button type="button" class="secondary" @click=${() => void this.load()}>${msg('Try again')}</button>
            </p>`
          : this.loading
            ? html`<p role="status">${msg('Loading…')}</p>`
            : this.renderLists(site)
      }
    `;
  }

  private renderLists(site: Site): TemplateResult {
    return html`
      <section aria-labelledby="rooms-title">
        <h3 id="rooms-title">${msg('Rooms')}</h3>
        ${
          this.rooms.length === 0
            ? html`<p>${msg('There are no rooms open to you.')}</p>`
            : html`<ul>
                ${this.rooms.map((room) => this.renderRoom(site, room))}
              </ul>`
        }
      </section>
      <section aria-labelledby="dm-title">
        <h3 id="dm-title">${msg('Direct messages')}</h3>
        ${
          this.contacts.length === 0
            ? html`<p>${msg('There is nobody you may message directly.')}</p>`
            : html`<ul>
                ${this.contacts.map((peer) => this.renderContact(site, peer))}
              </ul>`
        }
      </section>
    `;
  }

  private renderRoom(site: Site, room: ChatRoom): TemplateResult {
    return html`<li>
      ${addressLink(`${site.address}/room/${room.id}`, room.title)}
      ${room.closed ? html`<span class="badge">${msg('Closed')}</span>` : nothing}
      <p>${room.description}</p>
      <p class="meta">${room.online === 1 ? msg('1 person here now') : msg(str`${room.online} people here now`)}</p>
    </li>`;
  }

  private renderContact(site: Site, peer: ChatPeer): TemplateResult {
    return html`<li>
      ${addressLink(`${site.address}/dm/${peer.username}`, peer.displayName)}${
        peer.simulated ? html`<cis-simulated-badge></cis-simulated-badge>` : nothing
      }
      ${this.unread.has(peer.username) ? html`<span class="badge new">${msg('New message')}</span>` : nothing}
      <p class="meta">${msg(str`Role: ${peer.role}`)}</p>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-chat-lobby': CisChatLobby;
  }
}
