/**
 * `npm run bench:chat-store`: shows that storing a chat message costs the same whether its
 * room already holds 100,000 messages or none. Starts the real app with a room log pre-filled
 * with N messages, then times acknowledged sends (stored and fsynced) into that room and into
 * an empty one. Flags: --stored 100000 --sends 300
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import type { ChatMessage } from '../server/protocol/api';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .join(' ')
    .split('--')
    .filter(Boolean)
    .map((f) => f.trim().split(/\s+/) as [string, string]),
);
const STORED = Number(args.stored ?? 100_000);
const SENDS = Number(args.sends ?? 300);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cis-store-bench-'));
  await mkdir(join(dataDir, 'chat', 'demo'), { recursive: true });
  const lines: string[] = [];
  for (let i = 1; i <= STORED; i++) {
    const m: ChatMessage = {
      id: `pre-${i}`,
      seq: i,
      roomId: 'general',
      from: 'elite',
      fromName: 'Ri Chol-jin',
      fromRole: 'elite',
      text: `Stored message number ${i}, part of a long history.`,
      at: new Date(1_700_000_000_000 + i * 1000).toISOString(),
      clientId: `pre-${i}`,
      substituted: false,
    };
    lines.push(JSON.stringify(m));
  }
  await writeFile(join(dataDir, 'chat', 'demo', 'general.jsonl'), lines.join('\n') + '\n');

  const built = await buildApp({
    ...loadConfig({ QUIET: 'true', CAST: 'off', CHAT_PER_10S: '1000000', CHAT_JOINS_PER_10S: '1000000' }),
    dataDir,
  });
  await new Promise<void>((r) => built.server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(built.server.address() as AddressInfo).port}`;
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username: 'elite', password: 'demo' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const s = connect(url, { transports: ['websocket'], extraHeaders: { cookie }, forceNew: true });
  await new Promise((r) => s.once('connect', () => r(null)));

  const time = async (roomId: string) => {
    await s.emitWithAck('chat:join', { roomId }); // opens (and loads) the log once
    const samples: number[] = [];
    for (let i = 0; i < SENDS; i++) {
      const t = performance.now();
      const ack = (await s.emitWithAck('chat:send', { roomId, text: `timed ${i}`, clientId: `${roomId}-${i}` })) as {
        ok: boolean;
      };
      if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack)}`);
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p50: pct(samples, 50), p99: pct(samples, 99) };
  };
  // Alternate rooms so both see the same machine conditions.
  const empty1 = await time('lab');
  const full1 = await time('general');
  const empty2 = await time('research-council');
  const empty = {
    mean: (empty1.mean + empty2.mean) / 2,
    p50: (empty1.p50 + empty2.p50) / 2,
    p99: Math.max(empty1.p99, empty2.p99),
  };
  const f = (n: number) => `${n.toFixed(2)} ms`;
  console.log(`send into an empty room:             mean ${f(empty.mean)}, p50 ${f(empty.p50)}, p99 ${f(empty.p99)}`);
  console.log(
    `send into a room of ${STORED} messages: mean ${f(full1.mean)}, p50 ${f(full1.p50)}, p99 ${f(full1.p99)}`,
  );
  console.log(`write cost ratio (full / empty, mean): ${(full1.mean / empty.mean).toFixed(2)}`);
  s.disconnect();
  await built.close();
  await rm(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
