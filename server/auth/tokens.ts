/**
 * Session tokens shared by both transports: HS256 JWTs in an httpOnly cookie.
 * The algorithm is pinned on verify so a token cannot choose its own.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { parse } from 'cookie';
import jwt from 'jsonwebtoken';
import type { TokenClaims } from '../domain/auth';

/** The cookie that carries the session token. */
export const COOKIE_NAME = 'cis_token';

/** Signs and verifies session tokens with one secret. */
export class Tokens {
  /** The secret as a key object, made once: given a string, jsonwebtoken would try it as a public or private key on every call. */
  private readonly secret: KeyObject;

  /** `ttlSeconds` is the token lifetime. */
  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.secret = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** Signs claims into a token that expires at `claims.exp` (the login's own expiry). */
  sign(claims: TokenClaims): string {
    return jwt.sign({ sid: claims.sid, tv: claims.tv, lid: claims.lid, exp: claims.exp }, this.secret, {
      algorithm: 'HS256',
      subject: claims.sub,
    });
  }

  /** Verifies a token (HS256 only, unexpired, with a login id); null when it is not valid. */
  verify(token: string): TokenClaims | null {
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: ['HS256'] });
      if (typeof payload !== 'object' || typeof payload.sub !== 'string') return null;
      const { sid, tv, lid, exp } = payload as { sid?: unknown; tv?: unknown; lid?: unknown; exp?: unknown };
      if (typeof sid !== 'string' || typeof tv !== 'number' || typeof lid !== 'string' || typeof exp !== 'number')
        return null;
      return { sub: payload.sub, sid, tv, lid, exp };
    } catch {
      return null;
    }
  }

  /** Reads the token from a Cookie header, if present. */
  static fromCookieHeader(header: string | undefined): string | undefined {
    if (!header) return undefined;
    return parse(header)[COOKIE_NAME];
  }
}
