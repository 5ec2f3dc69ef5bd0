/**
 * Test harness: starts the real app on port 0 with a temporary data dir, plus a
 * small cookie-keeping HTTP client and persona login.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type BuildOptions, type BuiltApp } from '../app';
import { loadConfig, type Config } from '../config';
import type { Role } from '../protocol/api';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import { io, type Socket } from 'socket.io-client';

/** A running test server. */
export interface TestServer {
  url: string;
  dataDir: string;
  built: BuiltApp;
  /** Stops the server and deletes its data unless `keepData`. */
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/** Starts the app on a free port with a fresh temp DATA_DIR (or the given one). */
export async function startServer(
  overrides: Partial<Config> = {},
  env: NodeJS.ProcessEnv = {},
  opts: BuildOptions = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? (await mkdtemp(join(tmpdir(), 'cis-api-')));
  // The simulated cast stays out of tests that do not ask for it (CAST: 'on'): its answers and
  // decisions would land in their rooms and queues.
  const config: Config = { ...loadConfig({ QUIET: 'true', CAST: 'off', ...env }), dataDir, ...overrides };
  const built = await buildApp(config, opts);
  await new Promise<void>((resolve) => built.server.listen(0, '127.0.0.1', resolve));
  const { port } = built.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    built,
    async stop(opts = {}) {
      await built.close();
      if (!opts.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** An HTTP client that keeps one cookie, as a browser tab would. */
export class Client {
  cookie = '';
  /** `base` is the server URL. */
  constructor(readonly base: string) {}

  /**
   * Sends a request; `body` objects are sent as JSON, strings raw with the given content type.
   * Writes carry this server's Origin and a JSON content type, as the app's own pages send them,
   * unless `headers` say otherwise (an `origin` or `content-type` of '' leaves that header out).
   */
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (method !== 'GET' && method !== 'HEAD') {
      h.origin ??= this.base;
      h['content-type'] ??= 'application/json';
    }
    for (const k of Object.keys(h)) if (h[k] === '') delete h[k];
    const init: RequestInit = { method, headers: h };
    if (this.cookie) h.cookie = this.cookie;
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(this.base + path, init);
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: callers look at `text`
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body, headers);
  }
}

/** A connected socket.io client with the given cookie (rejects if the handshake is refused). */
export async function connectSocket(
  url: string,
  cookie: string,
  opts: { reconnection?: boolean } = {},
): Promise<TestSocket> {
  const s: TestSocket = io(url, {
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    forceNew: true,
    reconnection: opts.reconnection ?? false,
  });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

/** A typed socket.io test client. */
export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A client logged in as the demo persona for `role`. */
export async function loginAs(url: string, role: Role): Promise<Client> {
  const c = new Client(url);
  const res = await c.post('/api/auth/login', { username: role, password: 'demo' });
  if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${res.text}`);
  return c;
}
