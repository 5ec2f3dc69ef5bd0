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
  trustProxy: boolean;
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
}

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

/** Reads the configuration from environment variables (see README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const scenario = env.SCENARIO ?? 'default';
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    scenarioDir: scenario.includes('/') ? resolve(scenario) : resolve(ROOT, 'fixtures', scenario),
    clientDir: resolve(env.CLIENT_DIR ?? resolve(ROOT, 'dist', 'client')),
    production: env.NODE_ENV === 'production',
    jwtSecret: env.JWT_SECRET || undefined,
    tokenTtlSeconds: int(env.TOKEN_TTL_SECONDS, 8 * 3600, 'TOKEN_TTL_SECONDS'),
    cookieSecure: env.COOKIE_SECURE === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
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
  };
}
