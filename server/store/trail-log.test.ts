import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent } from '../domain/trail';
import { TrailLog } from './trail-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cis-trail-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ev = (i: number, username = 'elite') =>
  makeEvent(
    { username, role: 'elite', sessionId: 'demo' },
    'page_view',
    { site: `s${i}` },
    `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    new Date(1_700_000_000_000 + i),
  );

describe('TrailLog', () => {
  it('persists appends across reopen, newest first on query', async () => {
    const log = await TrailLog.open(join(dir, 't.jsonl'));
    await Promise.all([1, 2, 3].map((i) => log.append(ev(i))));
    await log.close();
    const again = await TrailLog.open(join(dir, 't.jsonl'));
    expect(again.query({ sessionId: 'demo', limit: 10 }).map((e) => e.detail.site)).toEqual(['s3', 's2', 's1']);
    await again.close();
  });

  it('cuts a torn final line left by a crash and keeps the rest', async () => {
    const file = join(dir, 't.jsonl');
    const log = await TrailLog.open(file);
    await log.append(ev(1));
    await log.close();
    await appendFile(file, '{"id":"torn","sess');
    const again = await TrailLog.open(file);
    expect(again.size).toBe(1);
    await again.append(ev(2));
    await again.close();
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { detail: { site: string } }).detail.site)).toEqual(['s1', 's2']);
  });

  it('filters by user, kind and session, and pages with before', async () => {
    const log = await TrailLog.open(join(dir, 't.jsonl'));
    for (let i = 1; i <= 5; i++) await log.append(ev(i, i % 2 ? 'elite' : 'scientist'));
    expect(log.query({ sessionId: 'demo', username: 'scientist', limit: 10 }).map((e) => e.detail.site)).toEqual([
      's4',
      's2',
    ]);
    expect(log.query({ sessionId: 'demo', kind: 'login', limit: 10 })).toEqual([]);
    expect(log.query({ sessionId: 'other', limit: 10 })).toEqual([]);
    const first = log.query({ sessionId: 'demo', limit: 2 });
    const next = log.query({ sessionId: 'demo', limit: 2, before: first[1]!.id });
    expect(next.map((e) => e.detail.site)).toEqual(['s3', 's2']);
    await log.close();
  });
});
