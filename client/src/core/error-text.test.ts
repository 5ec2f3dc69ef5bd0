/**
 * Every refusal code the server can answer with has words on the client (the server's message is
 * never shown): the codes are read from the server's sources, so a new one without words fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from './api';
import { codeText, errorText } from './error-text';

const SERVER = resolve(import.meta.dirname, '../../../server');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The codes of `new DomainError(kind, code, …)` and of `{ error: { code: … } }` / `sendError(res, status, code, …)`. */
function serverCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sources(SERVER)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new DomainError\(\s*'[a-z_]+',\s*'([a-z_]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/code: '([a-z_]+)', message:/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/sendError\(res, \d+, '([a-z_]+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

describe('refusals in the reader’s words', () => {
  it('has words for every code the server sends', () => {
    const codes = serverCodes();
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter((code) => codeText(code) === undefined).sort();
    expect(missing).toEqual([]);
  });

  it('never passes the server’s message on', () => {
    const failure = new ApiFailure(400, 'invalid_input', 'title: String must contain at least 1 character(s)');
    expect(errorText(failure, 'fallback')).not.toContain('String must');
    expect(errorText(new ApiFailure(409, 'some_new_code', 'English from the server'), 'fallback')).toBe('fallback');
    expect(errorText(new ApiFailure(0, 'network_error', 'x'), 'fallback')).toMatch(/could not be reached/);
  });
});
