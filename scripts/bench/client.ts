/**
 * A minimal socket.io client for the load generator of `npm run bench:chat`: the socket.io v5 /
 * Engine.IO v4 protocol over a WebSocket spoken directly on a TCP socket, with just what the
 * benchmark needs — connect with a cookie, answer pings, emit with an acknowledgement, receive
 * events. Every message is still parsed as JSON, as a real client would.
 *
 * Why not socket.io-client: at 500 clients in one process, receiving 25,000 messages a second
 * through socket.io-client (its Node build is the debug build) or even the `ws` package kept the
 * load generator itself 70–85 % busy, so its own queueing became a large part of the latencies it
 * measured. Here each read lands in one reused buffer (`onread`, no stream machinery, no Buffer
 * per read) and frames are cut out of it in place.
 */
import { randomBytes } from 'node:crypto';
import { connect as tcpConnect, type Socket } from 'node:net';

type Listener = (data: unknown) => void;

const READ_BUFFER = Buffer.alloc(256 * 1024); // shared: every read is handled before the next one
const CRLF2 = Buffer.from('\r\n\r\n');

/** One connected client. */
export class BenchClient {
  private nextAck = 0;
  private readonly acks = new Map<number, (data: unknown) => void>();
  private readonly listeners = new Map<string, Listener>();
  /** Bytes of an incomplete frame (or of the HTTP response) carried over to the next read. */
  private carry: Buffer | undefined;
  private upgraded = false;
  private onOpen: ((err?: Error) => void) | undefined;
  private socket!: Socket;

  private constructor() {}

  /** Connects to the default namespace; rejects when the server refuses the handshake. */
  static connect(url: string, cookie: string): Promise<BenchClient> {
    const { hostname, port } = new URL(url);
    const client = new BenchClient();
    return new Promise((resolve, reject) => {
      client.onOpen = (err) => (err ? reject(err) : resolve(client));
      const socket = tcpConnect({
        host: hostname,
        port: Number(port),
        noDelay: true,
        onread: { buffer: READ_BUFFER, callback: (n) => (client.onRead(READ_BUFFER.subarray(0, n)), true) },
      });
      client.socket = socket;
      socket.once('error', (err) => client.onOpen?.(err));
      socket.once('connect', () => {
        socket.write(
          `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
            `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
            `Sec-WebSocket-Version: 13\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}\r\n`,
        );
      });
    });
  }

  /** Listens for one event name (one listener per name). */
  on(event: string, listener: Listener): void {
    this.listeners.set(event, listener);
  }

  /** Emits an event and resolves with the acknowledgement. */
  emitWithAck(event: string, data: unknown): Promise<unknown> {
    const id = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(id, resolve);
      this.send(`42${id}${JSON.stringify([event, data])}`);
    });
  }

  /** Closes the connection. */
  close(): void {
    this.socket.end();
  }

  /** Sends one masked text frame (clients must mask). */
  private send(text: string): void {
    const payload = Buffer.from(text);
    const len = payload.length;
    const head = len < 126 ? 2 : len < 65536 ? 4 : 10;
    const frame = Buffer.allocUnsafe(head + 4 + len);
    frame[0] = 0x81; // FIN + text
    if (len < 126) frame[1] = 0x80 | len;
    else if (len < 65536) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(len, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(len), 2);
    }
    const mask = randomBytes(4);
    mask.copy(frame, head);
    for (let i = 0; i < len; i++) frame[head + 4 + i] = payload[i]! ^ mask[i & 3]!;
    this.socket.write(frame);
  }

  private onRead(chunk: Buffer): void {
    let buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    if (!this.upgraded) {
      const end = buf.indexOf(CRLF2);
      if (end < 0) {
        this.carry = Buffer.from(buf);
        return;
      }
      const status = buf.subarray(0, buf.indexOf('\r\n')).toString();
      if (!/^HTTP\/1\.1 101/.test(status)) {
        this.onOpen?.(new Error(`upgrade refused: ${status}`));
        this.socket.destroy();
        return;
      }
      this.upgraded = true;
      buf = buf.subarray(end + 4);
    }
    let at = 0;
    while (buf.length - at >= 2) {
      const opcode = buf[at]! & 0x0f;
      let len = buf[at + 1]! & 0x7f;
      let head = 2;
      if (len === 126) {
        if (buf.length - at < 4) break;
        len = buf.readUInt16BE(at + 2);
        head = 4;
      } else if (len === 127) {
        if (buf.length - at < 10) break;
        len = Number(buf.readBigUInt64BE(at + 2));
        head = 10;
      }
      if (buf.length - at < head + len) break;
      if (opcode === 1) this.onPacket(buf.toString('utf8', at + head, at + head + len));
      else if (opcode === 8) this.socket.end();
      at += head + len;
    }
    // The shared read buffer is reused: keep a copy of an incomplete frame.
    if (at < buf.length) this.carry = Buffer.from(buf.subarray(at));
  }

  private onPacket(text: string): void {
    switch (text.charCodeAt(0)) {
      case 0x30: // "0": Engine.IO open: connect to the default namespace
        this.send('40');
        return;
      case 0x32: // "2": Engine.IO ping
        this.send('3');
        return;
      case 0x34: // "4": Engine.IO message carrying a socket.io packet
        break;
      default:
        return;
    }
    switch (text.charCodeAt(1)) {
      case 0x30: {
        // "40{sid}": connected
        const open = this.onOpen;
        this.onOpen = undefined;
        open?.();
        return;
      }
      case 0x34: {
        // "44{message}": connect_error
        const open = this.onOpen;
        this.onOpen = undefined;
        open?.(new Error(`connect_error ${text.slice(2)}`));
        this.socket.destroy();
        return;
      }
      case 0x32: {
        // "42[event, data]": an event (the server asks clients for no acks here)
        const [event, data] = JSON.parse(text.slice(2)) as [string, unknown];
        this.listeners.get(event)?.(data);
        return;
      }
      case 0x33: {
        // "43<id>[data]": an acknowledgement
        const bracket = text.indexOf('[');
        const id = Number(text.slice(2, bracket));
        const [data] = JSON.parse(text.slice(bracket)) as [unknown];
        const done = this.acks.get(id);
        this.acks.delete(id);
        done?.(data);
        return;
      }
    }
  }
}
