import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DemoPasswordsError, buildApp } from './app';
import { loadConfig } from './config';
import { PackError } from './domain/pack';
import { hashPassword } from './domain/passwords';
import { openStore } from './store/db';
import { loadPack } from './store/pack-loader';
import { Client, loginAs, startServer } from './test/harness';

const PACK = fileURLToPath(new URL('../fixtures/default', import.meta.url));

describe('start-up', () => {
  it('refuses to start in production while demo passwords are active, and says how to fix it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cis-prod-'));
    const config = { ...loadConfig({ QUIET: 'true' }), dataDir, production: true };
    const err = await buildApp(config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DemoPasswordsError);
    expect((err as Error).message).toMatch(/npm run passwd/);
    expect((err as DemoPasswordsError).usernames).toContain('facilitator');

    // With every password changed, production starts.
    const store = await openStore(dataDir, await loadPack(PACK));
    for (const u of store.users.list('demo'))
      await store.users.update(u.id, { passwordHash: await hashPassword(`${u.username}-strong-pw`) });
    await store.close();
    const built = await buildApp(config);
    await built.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stops on a broken pack with an error naming the file and the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cis-pack-'));
    await cp(PACK, dir, { recursive: true });
    const sites = JSON.parse(await readFile(join(dir, 'sites.json'), 'utf8'));
    sites[3].network = 'internet';
    await writeFile(join(dir, 'sites.json'), JSON.stringify(sites));
    const err = await buildApp({
      ...loadConfig({ QUIET: 'true' }),
      dataDir: join(dir, 'data'),
      scenarioDir: dir,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PackError);
    expect((err as PackError).message).toContain('sites.json');
    expect((err as PackError).field).toBe('[3].network');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('storage', () => {
  it('keeps acknowledged trail events and users across a restart', async () => {
    const srv = await startServer({ jwtSecret: 'restart-secret-restart-secret-1234' });
    const elite = await loginAs(srv.url, 'elite');
    expect((await elite.post('/api/browse', { address: 'forbidden.example' })).json.reachable).toBe(false);
    await srv.stop({ keepData: true });

    const again = await startServer({ dataDir: srv.dataDir, jwtSecret: 'restart-secret-restart-secret-1234' });
    const stillIn = new Client(again.url);
    stillIn.cookie = elite.cookie; // the same token still works after a restart
    expect((await stillIn.get('/api/me')).status).toBe(200);
    const censor = await loginAs(again.url, 'censor');
    const events = (await censor.get('/api/trail?user=elite&kind=blocked_address')).json.events;
    expect(events.map((e: any) => e.detail.address)).toEqual(['forbidden.example']);
    await again.stop();
  });

  it('writes the trail line before answering', async () => {
    const srv = await startServer();
    const elite = await loginAs(srv.url, 'elite');
    await elite.post('/api/browse', { address: 'outside.example' });
    const text = await readFile(join(srv.dataDir, 'trail.jsonl'), 'utf8');
    expect(text).toContain('outside.example');
    await srv.stop();
  });
});

describe('login rate limit', () => {
  it('answers repeated failures for one user name with 429 JSON, and still lets other users in', async () => {
    const srv = await startServer({ loginLimits: { perIp: 100, perUser: 3 } });
    const c = new Client(srv.url);
    for (let i = 0; i < 3; i++)
      expect((await c.post('/api/auth/login', { username: 'elite', password: 'wrong' })).status).toBe(401);
    const limited = await c.post('/api/auth/login', { username: 'elite', password: 'demo' });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect((await c.post('/api/auth/login', { username: 'scientist', password: 'demo' })).status).toBe(200);
    await srv.stop();
  });

  it('limits failures per IP across user names', async () => {
    const srv = await startServer({ loginLimits: { perIp: 4, perUser: 100 } });
    const c = new Client(srv.url);
    for (const u of ['a1', 'a2', 'a3', 'a4'])
      expect((await c.post('/api/auth/login', { username: u, password: 'x' })).status).toBe(401);
    expect((await c.post('/api/auth/login', { username: 'a5', password: 'x' })).status).toBe(429);
    await srv.stop();
  });
});
