/**
 * The live connection to the server (socket.io, cookie-authenticated).
 * socket.io-client is imported on first use only, so the login page never loads it:
 * only screens with live updates call `connect()` (through `LiveSubscription`).
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../server/protocol/events';

/** The client socket, typed with the shared event maps. */
export type CisSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Options for a `LiveConnection`. */
export interface LiveConnectionOptions {
  /** Called when the server withdraws this user's access (`session:ended`). */
  onSessionEnded: (reason: { code: string; message: string }) => void;
  /** Called when this user's standing changed while connected (`session:changed`: mode or role). */
  onStandingChanged?: () => void;
}

/** One socket per logged-in user, opened on demand and closed at logout. */
export class LiveConnection {
  private socket: Promise<CisSocket> | undefined;
  private closed = false;

  constructor(private readonly options: LiveConnectionOptions) {}

  /** The socket, opening it (and loading socket.io-client) on the first call. */
  connect(): Promise<CisSocket> {
    this.socket ??= this.open();
    return this.socket;
  }

  /** Close the socket, if one was opened; the connection cannot be reused after. */
  close(): void {
    this.closed = true;
    void this.socket?.then((socket) => socket.disconnect());
  }

  private async open(): Promise<CisSocket> {
    const { io } = await import('socket.io-client');
    // A WebSocket straight away (one round trip, not four polls first); long-polling only where a
    // WebSocket cannot get through (a proxy that refuses it).
    const socket: CisSocket = io({
      withCredentials: true,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
    });
    socket.on('session:ended', (reason) => {
      socket.disconnect();
      this.options.onSessionEnded(reason);
    });
    socket.on('session:changed', () => this.options.onStandingChanged?.());
    // A change of standing pushed while this socket was not yet (or no longer) connected would be
    // missed: on every connection, first or again, re-read who this user is now.
    socket.on('connect', () => this.options.onStandingChanged?.());
    socket.on('connect_error', (error) => {
      // The server refused the handshake (expired or withdrawn login): socket.io will
      // not retry, so this is the end of the session rather than a network blip.
      if (!socket.active && error.message === 'unauthenticated') {
        this.options.onSessionEnded({ code: 'unauthenticated', message: '' });
      }
    });
    if (this.closed) socket.disconnect();
    return socket;
  }
}
