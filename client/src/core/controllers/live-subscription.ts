/**
 * Keeps an element subscribed to the server's pushes while it is in the document: the
 * boilerplate every live screen had (open the shared socket, attach the handlers, detach
 * them on disconnect, follow the socket as it drops and comes back).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ServerToClientEvents } from '../../../../server/protocol/events';
import type { CisSocket, LiveConnection } from '../live';

/** Handlers for some of the server's pushes, by event name. */
export type PushHandlers = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E] };

/** Options for a `LiveSubscription`. */
export interface LiveSubscriptionOptions {
  /** The element's live connection (its context-provided `live`), read when it connects. */
  live: () => LiveConnection | undefined;
  /** The pushes to listen for. */
  pushes?: PushHandlers;
  /** Whether the element's `data-live` attribute says if the socket is connected ("on" / "off"). */
  reflect?: boolean;
  /** The handlers are attached; `connected` says whether the socket already was (no `connect` event follows). */
  onSubscribed?: (connected: boolean) => void;
  /** The socket (re)connected: pushes sent while it was away are lost. */
  onConnect?: () => void;
  /** The socket dropped. */
  onDisconnect?: () => void;
  /** The socket could not be opened (the error is logged too). */
  onError?: (error: unknown) => void;
  /**
   * The pushes only keep a page current that drew itself without them: subscribe once the host
   * has rendered and the browser is idle (within a second), so opening the socket never holds
   * back the page's first paint of its content.
   */
  afterFirstPaint?: boolean;
}

/** Resolves once the browser is idle, or after `timeout` ms at the latest. */
function idle(timeout: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 1);
  });
}

/**
 * Subscribes its host to the pushes in `options` from the moment it connects until it
 * disconnects. The socket itself is shared and stays open: only the handlers come and go.
 */
export class LiveSubscription implements ReactiveController {
  private current: CisSocket | undefined;
  /** Bumped on every connect and disconnect, so a slow `connect()` never subscribes a departed host. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: LiveSubscriptionOptions,
  ) {
    host.addController(this);
  }

  /** The socket, while the host is subscribed. */
  get socket(): CisSocket | undefined {
    return this.current;
  }

  hostConnected(): void {
    if (this.options.reflect) this.host.dataset['live'] = 'off';
    void this.subscribe(++this.generation);
  }

  hostDisconnected(): void {
    this.generation += 1;
    const socket = this.current;
    if (!socket) return;
    for (const [event, handler] of this.pushes()) socket.off(event, handler);
    socket.off('connect', this.onConnect);
    socket.off('disconnect', this.onDisconnect);
    this.current = undefined;
  }

  private async subscribe(generation: number): Promise<void> {
    if (this.options.afterFirstPaint) {
      await this.host.updateComplete;
      await idle(1000);
      if (generation !== this.generation) return;
    }
    const live = this.options.live();
    if (!live) return;
    try {
      const socket = await live.connect();
      if (generation !== this.generation) return;
      this.current = socket;
      for (const [event, handler] of this.pushes()) socket.on(event, handler);
      socket.on('connect', this.onConnect);
      socket.on('disconnect', this.onDisconnect);
      if (socket.connected && this.options.reflect) this.host.dataset['live'] = 'on';
      this.options.onSubscribed?.(socket.connected);
    } catch (error) {
      console.error(error);
      this.options.onError?.(error);
    }
  }

  private pushes(): [keyof ServerToClientEvents, ServerToClientEvents[keyof ServerToClientEvents]][] {
    return Object.entries(this.options.pushes ?? {}) as [
      keyof ServerToClientEvents,
      ServerToClientEvents[keyof ServerToClientEvents],
    ][];
  }

  private readonly onConnect = (): void => {
    if (this.options.reflect) this.host.dataset['live'] = 'on';
    this.options.onConnect?.();
  };

  private readonly onDisconnect = (): void => {
    if (this.options.reflect) this.host.dataset['live'] = 'off';
    this.options.onDisconnect?.();
  };
}
