/**
 * Settings that would weaken the server silently are refused at start, with a message
 * that says what to set instead.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('TRUST_PROXY', () => {
  it('trusts no proxy when unset or false', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('accepts a number of proxy hops or loopback', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
  });

  it('refuses true, saying to give the number of proxies or loopback', () => {
    const err = refusal({ TRUST_PROXY: 'true' });
    expect(err.message).toMatch(/TRUST_PROXY=true is refused/);
    expect(err.message).toMatch(/X-Forwarded-For/);
    expect(err.message).toMatch(/number of reverse proxies/);
    expect(err.message).toMatch(/"loopback"/);
  });

  it('refuses anything else', () => {
    for (const value of ['yes', '-1', '1.5', 'loopback,10.0.0.1', '10.0.0.0/8'])
      expect(refusal({ TRUST_PROXY: value }).message, value).toMatch(/TRUST_PROXY="[^"]*" is not understood/);
  });
});

describe('JWT_SECRET', () => {
  it('refuses a secret shorter than 32 bytes and says how to make one', () => {
    const err = refusal({ JWT_SECRET: 'x'.repeat(31) });
    expect(err.message).toMatch(/JWT_SECRET must be at least 32 bytes/);
    expect(err.message).toContain("randomBytes(48).toString('base64url')");
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(loadConfig({ JWT_SECRET: 'é'.repeat(16) }).jwtSecret).toBe('é'.repeat(16)); // 32 bytes
    refusal({ JWT_SECRET: 'é'.repeat(15) + 'x' }); // 31 bytes
  });

  it('accepts 32 bytes or more, and generates one when unset', () => {
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
    expect(loadConfig({ JWT_SECRET: 'y'.repeat(64) }).jwtSecret).toBe('y'.repeat(64));
    expect(loadConfig({}).jwtSecret).toBeUndefined();
    expect(loadConfig({ JWT_SECRET: '' }).jwtSecret).toBeUndefined();
  });
});

describe('numbers and switches', () => {
  it('refuses a number that is not whole', () => {
    expect(refusal({ PORT: 'abc' }).message).toBe('PORT must be a whole number, got "abc".');
    expect(refusal({ LOGIN_MAX_PER_IP: '-5' }).message).toMatch(/LOGIN_MAX_PER_IP must be a whole number/);
    expect(refusal({ TOKEN_TTL_SECONDS: '1.5' }).message).toMatch(/TOKEN_TTL_SECONDS/);
    expect(refusal({ PORT: '70000' }).message).toMatch(/PORT must be at most 65535/);
    expect(loadConfig({ PORT: '3001' }).port).toBe(3001);
  });

  it('reads COOKIE_SECURE as true or false and refuses anything else', () => {
    expect(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    expect(loadConfig({ COOKIE_SECURE: 'TRUE' }).cookieSecure).toBe(true);
    expect(loadConfig({ COOKIE_SECURE: '1' }).cookieSecure).toBe(true);
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(refusal({ COOKIE_SECURE: 'yes' }).message).toMatch(/COOKIE_SECURE must be true or false/);
  });
});

describe('the simulated cast', () => {
  it('is on with the demo delay 8–40 s by default', () => {
    expect(loadConfig({})).toMatchObject({ castOn: true, castDelaySeconds: [8, 40] });
  });

  it('takes CAST=off and CAST_DELAY_SECONDS=min,max', () => {
    expect(loadConfig({ CAST: 'off', CAST_DELAY_SECONDS: '1, 2' })).toMatchObject({
      castOn: false,
      castDelaySeconds: [1, 2],
    });
    expect(loadConfig({ CAST_DELAY_SECONDS: '0,0' }).castDelaySeconds).toEqual([0, 0]);
  });

  it.each(['5', '5,2', '1,601', '-1,3', 'a,b', '1,2,3', '1.5,2'])(
    'refuses CAST_DELAY_SECONDS=%s in one clear line',
    (v) => {
      expect(() => loadConfig({ CAST_DELAY_SECONDS: v })).toThrow(/^CAST_DELAY_SECONDS must be two whole numbers/);
    },
  );

  it('refuses a CAST it does not understand', () => {
    expect(() => loadConfig({ CAST: 'maybe' })).toThrow(/CAST must be on or off/);
  });
});
