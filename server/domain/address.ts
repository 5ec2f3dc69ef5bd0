/**
 * The address check of the walled browser: an address either names a site in
 * the caller's directory or goes nowhere. Pure, so the rules are unit-tested.
 */
import { LIMITS } from '../protocol/vocabulary';

/** Longest address the browser accepts. */
export const MAX_ADDRESS_LENGTH = LIMITS.address;

/** A site the address check can resolve to. */
export interface Addressable {
  id: string;
  address: string;
}

/** What typing an address leads to. */
export type AddressResult<S extends Addressable> =
  { kind: 'site'; site: S; normalized: string; path: string } | { kind: 'unreachable'; normalized: string };

/**
 * Reduces what a visitor typed to a bare host name: width-folded (NFKC), lower-case,
 * without scheme, credentials, port, path, query or trailing dot.
 */
export function normalizeAddress(input: string): string {
  let s = input.normalize('NFKC').trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/^\/\//, '');
  s = s.split(/[/?#\\]/, 1)[0] ?? '';
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  s = s.replace(/:\d*$/, '');
  s = s.replace(/\.+$/, '');
  if (s.startsWith('www.')) s = s.slice(4);
  return s;
}

/**
 * The page path after the host ('' for the front page): lower-case segments of
 * letters, digits, '-' and '_' only; anything else (query, fragment, odd characters) is dropped.
 */
export function pathOfAddress(input: string): string {
  let s = input.normalize('NFKC').trim();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  const slash = s.search(/[/\\]/);
  if (slash < 0) return '';
  const rest = (s.slice(slash).split(/[?#]/, 1)[0] ?? '').replace(/\\/g, '/');
  const segments = rest
    .split('/')
    .filter(Boolean)
    .map((seg) => seg.toLowerCase())
    .filter((seg) => /^[a-z0-9_-]{1,80}$/.test(seg))
    .slice(0, 4);
  return segments.length ? `/${segments.join('/')}` : '';
}

/** Looks an address up in a directory; anything not in it is unreachable. */
export function resolveAddress<S extends Addressable>(input: string, directory: readonly S[]): AddressResult<S> {
  const normalized = normalizeAddress(input);
  const site = directory.find((s) => normalizeAddress(s.address) === normalized);
  return site ? { kind: 'site', site, normalized, path: pathOfAddress(input) } : { kind: 'unreachable', normalized };
}
