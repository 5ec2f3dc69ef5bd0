/**
 * The load generator of `npm run bench:chat`, run as its own process: connects N clients
 * to one room, has S of them send R messages a second for D seconds, and reports
 * delivery latency (send → arrival at each member) as JSON on stdout.
 */
import { io as connect, type Socket } from 'socket.io-client';

interface Args {
  url: string;
  cookie: string;
  room: string;
  clients: number;
  senders: number;
  rate: number;
  duration: number;
}
const args = JSON.parse(process.argv[2] ?? '{}') as Args;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const sockets: Socket[] = [];
  const latencies: number[] = [];
  let received = 0;
  let errors = 0;
  for (let i = 0; i < args.clients; i++) {
    const s = connect(args.url, {
      transports: ['websocket'],
      extraHeaders: args.cookie ? { cookie: args.cookie } : {},
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    const ack = (await s.emitWithAck('chat:join', { roomId: args.room })) as { ok: boolean };
    if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack)}`);
    s.on('chat:message', (m: { text: string }) => {
      const sent = Number(m.text.split(' ')[1]);
      if (Number.isFinite(sent)) {
        latencies.push(performance.now() - sent);
        received++;
      }
    });
    sockets.push(s);
  }
  const senders = sockets.slice(0, args.senders);
  const interval = 1000 / args.rate;
  const endAt = performance.now() + args.duration * 1000;
  let sent = 0;
  const start = performance.now();
  await Promise.all(
    senders.map(async (s, k) => {
      // Spread senders over the interval so sends do not all land at once.
      await new Promise((r) => setTimeout(r, (interval * k) / senders.length));
      let n = 0;
      let next = performance.now();
      while (performance.now() < endAt) {
        const text = `bench ${performance.now()} ${k}`;
        sent++;
        s.emitWithAck('chat:send', { roomId: args.room, text, clientId: `b${k}-${n++}` }).then(
          (ack: { ok: boolean }) => {
            if (!ack.ok) errors++;
          },
          () => errors++,
        );
        next += interval;
        await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 1500)); // let the last deliveries arrive
  const elapsed = (performance.now() - start) / 1000;
  sockets.forEach((s) => s.disconnect());
  latencies.sort((a, b) => a - b);
  const result = {
    sent,
    errors,
    received,
    expected: sent * args.clients,
    deliveriesPerSecond: received / elapsed,
    messagesPerSecond: sent / args.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
