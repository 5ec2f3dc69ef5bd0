/**
 * The HTTP side of `npm run bench:classroom`'s load generator: JSON requests as a browser tab
 * of the app makes them (`content-type: application/json`, the server's own `Origin`, the
 * tab's cookie), each over a connection from a chosen local address, so one class can come
 * from its own loopback address (127.0.x.y) as a class behind one school NAT does.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** An answer: status, parsed JSON body (or null), the cookie it set (name=value), and how long it took. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  setCookie: string | undefined;
  ms: number;
}

/** One browser, as far as the server can tell: a source address, a connection pool and a cookie. */
export class Browser {
  cookie = '';

  constructor(
    private readonly url: URL,
    private readonly agent: Agent,
  ) {}

  /** Keep-alive connections from `localAddress` (undefined: the system's choice). */
  static agent(localAddress?: string): Agent {
    return new Agent({ keepAlive: true, maxSockets: Infinity, ...(localAddress ? { localAddress } : {}) });
  }

  /** Sends one request; a JSON body for writes. The cookie an answer sets is kept. */
  send<T = unknown>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') {
      headers['content-type'] = 'application/json';
      headers.origin = this.url.origin;
      headers['content-length'] = String(Buffer.byteLength(payload ?? ''));
    }
    if (this.cookie) headers.cookie = this.cookie;
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        { host: this.url.hostname, port: this.url.port, path, method, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const ms = performance.now() - t0;
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              parsed = { raw: text.slice(0, 200) };
            }
            const set = res.headers['set-cookie']?.[0]?.split(';')[0];
            if (set) this.cookie = set;
            resolve({ status: res.statusCode ?? 0, body: parsed as T, setCookie: set, ms });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}

/** Throws unless the answer has one of the expected statuses; the message shows what the server said. */
export function expectOk<T>(answer: Answer<T>, what: string, ok: readonly number[] = [200, 201, 204]): Answer<T> {
  if (!ok.includes(answer.status)) throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}
