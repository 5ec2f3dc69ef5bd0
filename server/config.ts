/**
 * Configuration from the environment, read once at the entry and passed down.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the app needs to be built. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  scenarioDir: string;
  clientDir: string;
  production: boolean;
  /** From JWT_SECRET; when absent a secret is generated once and kept in the data dir. */
  jwtSecret: string | undefined;
  tokenTtlSeconds: number;
  cookieSecure: boolean;
  /**
   * Express's `trust proxy`: how many reverse proxies in front of the server to trust
   * for `X-Forwarded-For`/`-Proto`, `'loopback'` for one on this machine, or false (none).
   */
  trustProxy: TrustProxy;
  /** Failed logins allowed per 15 minutes, per IP and per IP + user name. */
  loginLimits: { perIp: number; perUser: number };
  /** Extra origins allowed to open sockets (the server's own origin always is). */
  allowedOrigins: string[];
  /** Do not log unexpected errors to the console. */
  quiet: boolean;
  /** How often scheduled articles are checked, in milliseconds. */
  schedulerMs: number;
  /** Board posts one user may submit per minute. */
  postsPerMinute: number;
  /** Chat messages one user may send per ten seconds. */
  chatPerTenSeconds: number;
  /** Pages one user may open per minute (each is a trail entry). */
  browsePerMinute: number;
  /** Searches one user may make per minute (each is a trail entry). */
  searchesPerMinute: number;
  /** Chat rooms one user may join per ten seconds (each join announces presence to the room). */
  chatJoinsPerTenSeconds: number;
  /** Class-session joins one address may attempt per ten seconds (a class behind one NAT must fit). */
  joinsPerTenSeconds: number;
  /** The origin join URLs and QR codes name (PUBLIC_URL), e.g. `http://192.168.1.20:3000`; else each request's own. */
  publicUrl: string | undefined;
  /** Whether the simulated cast plays in sessions whose facilitator has not set it (CAST, default on). */
  castOn: boolean;
  /** The demo session's bureau delay, `[min, max]` seconds (CAST_DELAY_SECONDS=min,max, default 8,40). */
  castDelaySeconds: [number, number];
  /** The museum kiosk (KIOSK=1): the attract screen at `/`, one-tap visits, the idle reset. */
  kiosk: KioskConfig;
}

/** The kiosk's settings from the environment (the operator may change the timeouts later). */
export interface KioskConfig {
  enabled: boolean;
  /** Seconds without input before the reset countdown (KIOSK_IDLE_SECONDS, default 90). */
  idleSeconds: number;
  /** Seconds the countdown gives to stay (KIOSK_COUNTDOWN_SECONDS, default 30, at least 20: WCAG 2.2.1). */
  countdownSeconds: number;
  /** The operator's PIN (KIOSK_PIN, 4–12 digits); required with KIOSK=1 in production. */
  pin: string | undefined;
}

/** The kiosk's limits: the least idle time, the least countdown (WCAG 2.2.1 asks for 20 s), the most of each. */
export const KIOSK_LIMITS = { idleMin: 15, idleMax: 3600, countdownMin: 20, countdownMax: 300 } as const;
/** The PIN of a kiosk outside production when KIOSK_PIN is not set (the log says so). */
export const DEV_KIOSK_PIN = '0000';

/** The demo session's bureau delay unless CAST_DELAY_SECONDS says otherwise. */
export const DEFAULT_CAST_DELAY: [number, number] = [8, 40];
/** The longest bureau delay accepted, in seconds. */
export const MAX_CAST_DELAY = 600;

/** What `TRUST_PROXY` may say: no proxy, a number of proxy hops, or a proxy on this machine. */
export type TrustProxy = false | number | 'loopback';

/** A setting the server cannot start with; `message` says what to change. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The shortest `JWT_SECRET` accepted, in bytes (UTF-8). */
export const MIN_SECRET_BYTES = 32;

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n))
    throw new ConfigError(`${name} must be a whole number, got "${value}".`);
  return n;
}

function portNumber(value: string | undefined): number {
  const port = int(value, 3000, 'PORT');
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535, got "${value}".`);
  return port;
}

function trustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'loopback') return 'loopback';
  if (/^\d+$/.test(v) && Number.isSafeInteger(Number(v))) return Number(v);
  const how =
    'Set TRUST_PROXY to the number of reverse proxies in front of the server (1 for one nginx or Caddy), ' +
    '"loopback" for a proxy on this same machine, or leave it unset when there is none.';
  if (v === 'true')
    throw new ConfigError(
      `TRUST_PROXY=true is refused: it would believe any X-Forwarded-For header, ` +
        `so a visitor could rotate it to dodge the login limits. ${how}`,
    );
  throw new ConfigError(`TRUST_PROXY="${value}" is not understood. ${how}`);
}

function bool(value: string | undefined, name: string): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  throw new ConfigError(`${name} must be true or false, got "${value}".`);
}

function jwtSecret(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES)
    throw new ConfigError(
      `JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes (it is ${Buffer.byteLength(value, 'utf8')}); ` +
        `generate one with: node -e "console.log(require('crypto').randomBytes(48).toString('base64url'))" ` +
        `or leave JWT_SECRET unset to have one generated into DATA_DIR.`,
    );
  return value;
}

function castDelay(value: string | undefined): [number, number] {
  if (value === undefined || value.trim() === '') return DEFAULT_CAST_DELAY;
  const parts = value.split(',').map((p) => p.trim());
  const [min, max] = parts.map(Number);
  if (
    parts.length !== 2 ||
    !parts.every((p) => /^\d+$/.test(p)) ||
    min === undefined ||
    max === undefined ||
    min > max ||
    max > MAX_CAST_DELAY
  )
    throw new ConfigError(
      `CAST_DELAY_SECONDS must be two whole numbers of seconds, min,max with min ≤ max ≤ ${MAX_CAST_DELAY} (e.g. 8,40), got "${value}".`,
    );
  return [min, max];
}

function castOn(value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'on' || v === 'true' || v === '1') return true;
  if (v === 'off' || v === 'false' || v === '0') return false;
  throw new ConfigError(`CAST must be on or off, got "${value}".`);
}

function kioskConfig(env: NodeJS.ProcessEnv, production: boolean): KioskConfig {
  const enabled = bool(env.KIOSK, 'KIOSK');
  const idleSeconds = int(env.KIOSK_IDLE_SECONDS, 90, 'KIOSK_IDLE_SECONDS');
  const countdownSeconds = int(env.KIOSK_COUNTDOWN_SECONDS, 30, 'KIOSK_COUNTDOWN_SECONDS');
  const { idleMin, idleMax, countdownMin, countdownMax } = KIOSK_LIMITS;
  if (idleSeconds < idleMin || idleSeconds > idleMax)
    throw new ConfigError(`KIOSK_IDLE_SECONDS must be ${idleMin}–${idleMax} seconds, got "${env.KIOSK_IDLE_SECONDS}".`);
  if (countdownSeconds < countdownMin || countdownSeconds > countdownMax)
    throw new ConfigError(
      `KIOSK_COUNTDOWN_SECONDS must be ${countdownMin}–${countdownMax} seconds (a visitor needs at least 20 s to respond), got "${env.KIOSK_COUNTDOWN_SECONDS}".`,
    );
  const pin = env.KIOSK_PIN?.trim() || undefined;
  if (pin !== undefined && !/^\d{4,12}$/.test(pin)) throw new ConfigError('KIOSK_PIN must be 4 to 12 digits.');
  if (enabled && production && pin === undefined)
    throw new ConfigError(
      'KIOSK=1 in production needs KIOSK_PIN (4 to 12 digits): the PIN that opens the operator settings.',
    );
  return { enabled, idleSeconds, countdownSeconds, pin };
}

function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an address like http://192.168.1.20:3000, got "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`PUBLIC_URL must start with http:// or https://, got "${value}".`);
  return url.origin;
}

/** Reads the configuration from environment variables (see README); throws ConfigError for a bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const scenario = env.SCENARIO ?? 'default';
  return {
    port: portNumber(env.PORT),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    scenarioDir: scenario.includes('/') ? resolve(scenario) : resolve(ROOT, 'fixtures', scenario),
    clientDir: resolve(env.CLIENT_DIR ?? resolve(ROOT, 'dist', 'client')),
    production: env.NODE_ENV === 'production',
    jwtSecret: jwtSecret(env.JWT_SECRET),
    tokenTtlSeconds: int(env.TOKEN_TTL_SECONDS, 8 * 3600, 'TOKEN_TTL_SECONDS'),
    cookieSecure: bool(env.COOKIE_SECURE, 'COOKIE_SECURE'),
    trustProxy: trustProxy(env.TRUST_PROXY),
    loginLimits: {
      perIp: int(env.LOGIN_MAX_PER_IP, 50, 'LOGIN_MAX_PER_IP'),
      perUser: int(env.LOGIN_MAX_PER_USER, 10, 'LOGIN_MAX_PER_USER'),
    },
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    quiet: env.QUIET === 'true',
    schedulerMs: int(env.SCHEDULER_MS, 1000, 'SCHEDULER_MS') || 1000,
    postsPerMinute: int(env.POSTS_PER_MINUTE, 6, 'POSTS_PER_MINUTE') || 6,
    chatPerTenSeconds: int(env.CHAT_PER_10S, 60, 'CHAT_PER_10S') || 60,
    browsePerMinute: int(env.BROWSE_PER_MINUTE, 120, 'BROWSE_PER_MINUTE') || 120,
    searchesPerMinute: int(env.SEARCHES_PER_MINUTE, 30, 'SEARCHES_PER_MINUTE') || 30,
    chatJoinsPerTenSeconds: int(env.CHAT_JOINS_PER_10S, 30, 'CHAT_JOINS_PER_10S') || 30,
    joinsPerTenSeconds: int(env.JOINS_PER_10S, 40, 'JOINS_PER_10S') || 40,
    publicUrl: publicUrl(env.PUBLIC_URL),
    castOn: castOn(env.CAST),
    castDelaySeconds: castDelay(env.CAST_DELAY_SECONDS),
    kiosk: kioskConfig(env, env.NODE_ENV === 'production'),
  };
}
