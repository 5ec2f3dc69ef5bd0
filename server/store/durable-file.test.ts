import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './durable-file';
import { DurableJSONFile } from './json-adapter';
import { loadSecret } from './secret';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cis-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('durable writes', () => {
  it('replaces a file whole and leaves no temporary files', async () => {
    const file = join(dir, 'db.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['db.json']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('orders concurrent adapter writes so the last one wins', async () => {
    const adapter = new DurableJSONFile<{ n: number }>(join(dir, 'db.json'));
    await Promise.all(Array.from({ length: 20 }, (_, n) => adapter.write({ n })));
    expect(await adapter.read()).toEqual({ n: 19 });
  });

  it('generates the JWT secret once, owner-only, and reuses it', async () => {
    const a = await loadSecret(dir, undefined);
    const b = await loadSecret(dir, undefined);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect((await stat(join(dir, 'jwt-secret'))).mode & 0o777).toBe(0o600);
    expect(await loadSecret(dir, 'from-env-secret')).toBe('from-env-secret');
  });
});
