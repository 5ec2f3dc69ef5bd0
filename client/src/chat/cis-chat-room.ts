import { LitElement, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { ChatMessage, ChatPeer, ChatRoom, Me, Site } from '../../../server/protocol/api';
import type { ChatJoinAck, ChatPresenceDelta, ChatSendAck, ChatSendRequest } from '../../../server/protocol/events';
import { chatApi } from './api';
import {
  applyPresenceDelta,
  catchUpAfter,
  joinErrorText,
  mergeMessages,
  peopleList,
  presenceOrder,
  newClientId,
  sendErrorText,
  type ChatDraft,
} from './chat';
import { liveContext } from '../app/context';
import { LiveSubscription } from '../core/controllers/live-subscription';
import { PendingFocus } from '../core/controllers/pending-focus';
import type { CisSocket, LiveConnection } from '../core/live';
import { addressLink } from '../ui/address-link';
import { sharedStyles } from '../ui/styles/shared';
import { chatRoomStyles } from './cis-chat-room.styles';
import type { CisChatComposer } from './cis-chat-composer';
import type { CisChatLog } from './cis-chat-log';
import './cis-chat-composer';
import './cis-chat-log';
import '../cast/cis-simulated-badge';

/** How long to wait for the server to acknowledge a join or a send before trying again. */
const ACK_TIMEOUT_MS = 8000;
/** Sends tried (with the same client id) before a message is marked not sent. */
const SEND_ATTEMPTS = 4;
/** Messages per "Load older messages". */
const OLDER_PAGE = 50;

type Phase = 'joining' | 'ready' | 'refused' | 'failed';

/**
 * One room or direct conversation, live: joins it over the socket (and again after every
 * reconnection, asking for what it missed), shows who is here, the messages and the
 * composer. A message shows "Sending…" until the server acknowledges it; refused ones are
 * marked "Not sent" with the reason, rewritten ones come back as stored with the warning.
 * Closed rooms and muted users get a banner and a disabled composer, live.
 * `data-live` is "on" while the room is joined on a connected socket.
 */
@localized()
@customElement('cis-chat-room')
export class CisChatRoom extends LitElement {
  static override styles = [sharedStyles, chatRoomStyles];

  /** The chat site, for the address of the room list. */
  @property({ attribute: false }) site: Site | undefined;

  /** The logged-in user. */
  @property({ attribute: false }) me: Me | undefined;

  /** The room id, or `dm:<a>:<b>` for a direct conversation. Set once (the site keys rooms by id). */
  @property() roomId = '';

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private phase: Phase = 'joining';
  @state() private refusal = '';
  @state() private room: ChatRoom | undefined;
  @state() private presence: ChatPeer[] = [];
  @state() private messages: ChatMessage[] = [];
  @state() private drafts: ChatDraft[] = [];
  @state() private hasOlder = false;
  @state() private loadingOlder = false;
  @state() private muted = false;
  @state() private connected = true;
  @state() private warning = '';
  @state() private error = '';
  @state() private announcement = '';

  @query('cis-chat-composer') private composer: CisChatComposer | undefined;
  @query('cis-chat-log') private log: CisChatLog | undefined;

  private joinSeq = 0;
  /** Sends waiting for the socket to come back. */
  private waiting: ((socket: CisSocket | undefined) => void)[] = [];

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: {
      'chat:message': (message) => this.onMessage(message),
      'chat:presence-delta': (delta) => this.onPresence(delta),
      'chat:room': (room) => this.onRoom(room),
      'chat:muted': (state) => this.onMuted(state),
    },
    onSubscribed: (connected) => {
      if (connected) this.onConnect();
      else this.connected = false;
    },
    onConnect: () => this.onConnect(),
    onDisconnect: () => this.onDisconnect(),
    onError: () => (this.phase = 'failed'),
  });

  private readonly pendingFocus = new PendingFocus(this, {
    ready: () => this.phase !== 'joining',
    focus: () => this.renderRoot.querySelector<HTMLElement>('h3')?.focus(),
  });

  /** The socket, while this room is in the document. */
  private get socket(): CisSocket | undefined {
    return this.subscription.socket;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.dataset['live'] = 'off';
    this.addEventListener('cis-chat-send', this.onSend);
    this.addEventListener('cis-chat-older', this.onOlder);
    this.addEventListener('cis-chat-draft', this.onDraft);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('cis-chat-send', this.onSend);
    this.removeEventListener('cis-chat-older', this.onOlder);
    this.removeEventListener('cis-chat-draft', this.onDraft);
    const socket = this.socket;
    if (socket?.connected) socket.emit('chat:leave', { roomId: this.roomId });
    this.waiting.splice(0).forEach((resolve) => resolve(undefined));
    super.disconnectedCallback(); // the subscription lets go of the socket
  }

  /** Move focus to the room's heading (once the room is open). */
  async focusHeading(): Promise<void> {
    await this.pendingFocus.request();
  }

  private onConnect(): void {
    this.connected = true;
    this.waiting.splice(0).forEach((resolve) => resolve(this.socket));
    void this.join();
  }

  private onDisconnect(): void {
    this.connected = false;
    this.dataset['live'] = 'off';
  }

  /** Joins (or rejoins after a reconnection, catching up from the last message we have). */
  private async join(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    const seq = ++this.joinSeq;
    const after = this.phase === 'ready' ? catchUpAfter(this.messages) : undefined;
    let ack: ChatJoinAck;
    try {
      ack = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('chat:join', after === undefined ? { roomId: this.roomId } : { roomId: this.roomId, after });
    } catch {
      // Timed out or cut off: the next connection joins again; a live socket retries now.
      if (seq === this.joinSeq && this.isConnected && socket.connected) void this.join();
      return;
    }
    if (seq !== this.joinSeq || !this.isConnected) return;
    if (!ack.ok) {
      this.phase = 'refused';
      this.refusal = joinErrorText(this.roomId, ack.error);
      return;
    }
    const first = this.phase !== 'ready';
    this.room = ack.room;
    this.muted = ack.muted;
    this.presence = ack.presence;
    this.messages = mergeMessages(this.messages, ack.history);
    if (first) this.hasOlder = (this.messages[0]?.seq ?? 1) > 1;
    this.dropStoredDrafts(this.messages);
    this.phase = 'ready';
    this.dataset['live'] = 'on';
  }

  private isHere(roomId: string): boolean {
    return roomId === this.roomId;
  }

  private onMessage(message: ChatMessage): void {
    // Also while joining: a message can arrive between the join and its acknowledgement.
    if (!this.isHere(message.roomId) || this.phase === 'refused') return;
    const known = this.messages.some((m) => m.id === message.id);
    this.messages = mergeMessages(this.messages, [message]);
    this.dropStoredDrafts([message]);
    if (!known && message.from !== this.me?.username) {
      this.announcement = msg(str`${message.fromName}: ${message.text}`);
    }
  }

  private onPresence(delta: ChatPresenceDelta): void {
    // Also while joining: the join's acknowledgement replaces the list with a full one anyway.
    if (this.isHere(delta.roomId)) this.presence = applyPresenceDelta(this.presence, delta);
  }

  private onRoom(room: ChatRoom): void {
    if (!this.isHere(room.id) || !this.room) return;
    this.room = { ...this.room, closed: room.closed };
  }

  private onMuted(state: { muted: boolean }): void {
    this.muted = state.muted;
  }

  /** Our drafts that the server has stored meanwhile (a push or a rejoin brought them). */
  private dropStoredDrafts(stored: readonly ChatMessage[]): void {
    const mine = new Set(stored.filter((m) => m.from === this.me?.username).map((m) => m.clientId));
    if (this.drafts.some((d) => mine.has(d.clientId))) this.drafts = this.drafts.filter((d) => !mine.has(d.clientId));
  }

  private readonly onSend = (event: GlobalEventHandlersEventMap['cis-chat-send']): void => {
    if (this.room?.closed || this.muted) return;
    const draft: ChatDraft = { clientId: newClientId(), text: event.detail.text, status: 'sending' };
    this.drafts = [...this.drafts, draft];
    this.warning = '';
    this.error = '';
    void this.deliver(draft);
  };

  /** The socket once it is connected, or undefined when this room is closed meanwhile. */
  private connectedSocket(): Promise<CisSocket | undefined> {
    const socket = this.socket;
    if (!this.isConnected || !socket) return Promise.resolve(undefined);
    if (socket.connected) return Promise.resolve(socket);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Sends a draft until the server answers; a resend keeps its client id, so it is stored once. */
  private async deliver(draft: ChatDraft): Promise<void> {
    const request: ChatSendRequest = { roomId: this.roomId, text: draft.text, clientId: draft.clientId };
    for (let attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
      const socket = await this.connectedSocket();
      if (!socket) return;
      let ack: ChatSendAck;
      try {
        ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat:send', request);
      } catch {
        continue; // no answer (timed out, or the connection dropped): send it again
      }
      this.settle(draft, ack);
      return;
    }
    this.fail(draft, msg('The server did not answer. The message may not have been sent.'));
  }

  private settle(draft: ChatDraft, ack: ChatSendAck): void {
    if (!this.isConnected) return;
    if (ack.ok) {
      this.drafts = this.drafts.filter((d) => d.clientId !== draft.clientId);
      this.messages = mergeMessages(this.messages, [ack.message]);
      if (ack.warning) this.warning = ack.warning;
      return;
    }
    if (ack.error.code === 'muted') this.muted = true;
    if (ack.error.code === 'room_closed' && this.room) this.room = { ...this.room, closed: true };
    this.fail(draft, sendErrorText(ack.error));
  }

  private fail(draft: ChatDraft, reason: string): void {
    this.drafts = this.drafts.map((d) =>
      d.clientId === draft.clientId ? { ...d, status: 'failed', error: reason } : d,
    );
    this.error = reason;
  }

  private readonly onDraft = (event: GlobalEventHandlersEventMap['cis-chat-draft']): void => {
    const draft = this.drafts.find((d) => d.clientId === event.detail.clientId);
    if (!draft) return;
    this.drafts = this.drafts.filter((d) => d !== draft);
    this.error = '';
    if (event.detail.action === 'edit') void this.composer?.restore(draft.text);
    else void this.composer?.restore('');
  };

  private readonly onOlder = async (): Promise<void> => {
    const first = this.messages[0];
    if (!first || this.loadingOlder) return;
    this.loadingOlder = true;
    try {
      const page = await chatApi.history(this.roomId, first.seq, OLDER_PAGE);
      this.messages = mergeMessages(this.messages, page.messages);
      this.hasOlder = page.nextBefore !== null && (this.messages[0]?.seq ?? 1) > 1;
      this.announcement =
        page.messages.length === 1
          ? msg('1 older message loaded.')
          : msg(str`${page.messages.length} older messages loaded.`);
      if (!this.hasOlder) {
        await this.updateComplete;
        this.log?.focusList();
      }
    } catch {
      this.announcement = msg('Older messages could not be loaded. Try again in a moment.');
    } finally {
      this.loadingOlder = false;
    }
  };

  override render(): TemplateResult | typeof nothing {
    const site = this.site;
    if (!site) return nothing;
    const back = html`<p class="crumbs">${addressLink(site.address, msg('All rooms'))}</p>`;
    switch (this.phase) {
      case 'joining':
        return html`${back}
          <p class="opening" role="status">${msg('Opening the room…')}</p>`;
      case 'refused':
        return html`${back}
          <div class="notice">
            <h3 tabindex="-1">${msg('You cannot enter this room')}</h3>
            <p>${this.refusal}</p>
          </div>`;
      case 'failed':
        return html`${back}
          <div class="notice" role="alert">
            <h3 tabindex="-1">${msg('This room could not be opened')}</h3>
            <p>${msg('The live connection could not be started. Reload the page to try again.')}</p>
          </div>`;
      case 'ready':
        return html`${back}${this.renderRoom()}`;
    }
  }

  private renderRoom(): TemplateResult | typeof nothing {
    const room = this.room;
    if (!room) return nothing;
    const closed = room.closed;
    const reason = closed
      ? msg('This room has been closed.')
      : this.muted
        ? msg('You have been muted: you can read but not send.')
        : '';
    return html`
      <h3 tabindex="-1">${room.title}</h3>
      <p class="description">${room.description}</p>
      <p class="presence">
        <span class="label">${room.kind === 'dm' ? msg('Here now:') : msg('In this room:')}</span>
        ${
          this.presence.length
            ? peopleList(presenceOrder(this.presence)).map((piece) =>
                typeof piece === 'string'
                  ? piece
                  : html`<span class="person"
                      >${piece.displayName}${
                        piece.simulated ? html`<cis-simulated-badge></cis-simulated-badge>` : nothing
                      }</span
                    >`,
              )
            : msg('nobody')
        }
      </p>
      <div class="banners" role="status">
        ${closed ? html`<p class="banner closed">${msg('This room has been closed.')}</p>` : nothing}${
          this.muted
            ? html`<p class="banner muted">${msg('You have been muted: you can read but not send.')}</p>`
            : nothing
        }
      </div>
      <p class="offline" role="status">${this.connected ? nothing : msg('Connection lost. Reconnecting…')}</p>
      <cis-chat-log
        .messages=${this.messages}
        .drafts=${this.drafts}
        username=${this.me?.username ?? ''}
        .hasOlder=${this.hasOlder}
        .loadingOlder=${this.loadingOlder}
      ></cis-chat-log>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      <p class="warning" role="status">${this.warning}</p>
      <p class="error" role="alert">${this.error}</p>
      <cis-chat-composer ?disabled=${!!reason} reason=${reason} draftKey=${`chat:${this.roomId}`}></cis-chat-composer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-chat-room': CisChatRoom;
  }
}
