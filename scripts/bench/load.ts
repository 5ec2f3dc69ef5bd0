/**
 * The load generator of `npm run bench:chat`, run as its own process: connects N clients
 * to one room, has S of them send R messages a second for D seconds (after W seconds of
 * warm-up that are not measured), and reports as JSON on stdout: delivery latency (send →
 * arrival at each member), the latency to the first member of each message (the server's own
 * delay) and the fan-out spread (first → last member), send-acknowledgement latency, and how
 * busy this process itself was — so a saturated load generator shows instead of passing for
 * a slow server.
 */
import { writeFile } from 'node:fs/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io as connectSocketIo } from 'socket.io-client';
import { BenchClient } from './client';

interface Args {
  url: string;
  cookie: string;
  room: string;
  clients: number;
  senders: number;
  rate: number;
  duration: number;
  warmup: number;
  /** `raw` (the minimal client in client.ts, default) or `socketio` (socket.io-client). */
  client?: string;
  /** When set, a file to write one line per measured message to: sent (ms since the epoch), first and last arrival (ms after sending), sender. */
  timeline?: string;
}
const args = JSON.parse(process.argv[2] ?? '{}') as Args;

interface Conn {
  on(event: string, listener: (data: unknown) => void): void;
  emitWithAck(event: string, data: unknown): Promise<unknown>;
  close(): void;
}

function connectWithSocketIo(url: string, cookie: string): Promise<Conn> {
  const s = connectSocketIo(url, {
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    s.once('connect', () =>
      resolve({
        on: (event, listener) => s.on(event, listener),
        emitWithAck: (event, data) => s.emitWithAck(event, data),
        close: () => s.disconnect(),
      }),
    );
    s.once('connect_error', reject);
  });
}

const connect = (url: string, cookie: string): Promise<Conn> =>
  args.client === 'socketio' ? connectWithSocketIo(url, cookie) : BenchClient.connect(url, cookie);

function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const conns: Conn[] = [];
  const expectedMessages = Math.ceil(args.senders * args.rate * (args.warmup + args.duration)) + args.senders * 2;
  // Latencies go into a preallocated array: the load generator should make little garbage.
  const latencies = new Float64Array(expectedMessages * args.clients);
  let measured = 0;
  let received = 0;
  /** Per measured message: send time, first and last arrival. */
  const perMessage = new Map<string, { sent: number; first: number; last: number; count: number }>();
  let measuring = false;

  const joinStart = performance.now();
  for (let i = 0; i < args.clients; i++) {
    const c = await connect(args.url, args.cookie);
    const ack = (await c.emitWithAck('chat:join', { roomId: args.room })) as { ok: boolean };
    if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack)}`);
    c.on('chat:message', (data) => {
      const now = performance.now();
      const text = (data as { text: string }).text;
      // "bench <sent> <sender> <n> <m|w>": only measured messages count.
      if (!text.endsWith(' m')) return;
      const sent = Number(text.split(' ')[1]);
      received++;
      if (measured < latencies.length) latencies[measured++] = now - sent;
      const m = perMessage.get(text);
      if (m) {
        m.last = now;
        m.count++;
      } else perMessage.set(text, { sent, first: now, last: now, count: 1 });
    });
    conns.push(c);
  }
  const joinSeconds = (performance.now() - joinStart) / 1000;
  await sleep(1000); // let the ramp-up's presence announcements and garbage settle

  const senders = conns.slice(0, args.senders);
  const interval = 1000 / args.rate;
  const warmupEnd = performance.now() + args.warmup * 1000;
  const endAt = warmupEnd + args.duration * 1000;
  let sent = 0;
  let errors = 0;
  const ackLatencies: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let elu = performance.eventLoopUtilization();
  let cpu = process.cpuUsage();
  let measureStart = 0;
  const startMeasuring = setTimeout(
    () => {
      measuring = true;
      measureStart = performance.now();
      process.send?.('measure-start'); // the benchmark samples the server's CPU over the measured sends
      elu = performance.eventLoopUtilization();
      cpu = process.cpuUsage();
      delay.enable();
    },
    Math.max(0, warmupEnd - performance.now()),
  );
  await Promise.all(
    senders.map(async (s, k) => {
      // Spread senders over the interval so sends do not all land at once.
      await sleep((interval * k) / senders.length);
      let n = 0;
      let next = performance.now();
      while (performance.now() < endAt) {
        const t = performance.now();
        const counted = measuring;
        const text = `bench ${t} ${k} ${n} ${counted ? 'm' : 'w'}`;
        if (counted) sent++;
        s.emitWithAck('chat:send', { roomId: args.room, text, clientId: `b${k}-${n++}` }).then(
          (ack) => {
            if (!(ack as { ok: boolean }).ok) errors++;
            else if (counted) ackLatencies.push(performance.now() - t);
          },
          () => errors++,
        );
        next += interval;
        await sleep(Math.max(0, next - performance.now()));
      }
    }),
  );
  clearTimeout(startMeasuring);
  const sendEnd = performance.now();
  process.send?.('measure-end');
  await sleep(1500); // let the last deliveries arrive
  delay.disable();
  const busy = performance.eventLoopUtilization(elu);
  const cpuUsed = process.cpuUsage(cpu);
  const elapsed = (performance.now() - measureStart) / 1000;
  conns.forEach((c) => c.close());

  const sorted = latencies.subarray(0, measured).sort();
  const firsts = [...perMessage.values()].map((m) => m.first - m.sent).sort((a, b) => a - b);
  const spreads = [...perMessage.values()].map((m) => m.last - m.first).sort((a, b) => a - b);
  ackLatencies.sort((a, b) => a - b);
  const result = {
    sent,
    errors,
    received,
    expected: sent * args.clients,
    deliveriesPerSecond: received / elapsed,
    messagesPerSecond: sent / ((sendEnd - measureStart) / 1000),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
    firstP50: percentile(firsts, 50),
    firstP99: percentile(firsts, 99),
    spreadP50: percentile(spreads, 50),
    spreadP99: percentile(spreads, 99),
    ackP99: percentile(ackLatencies, 99),
    joinSeconds,
    loadElu: busy.utilization,
    loadCpu: (cpuUsed.user + cpuUsed.system) / 1e6 / elapsed,
    loadLagP99: delay.percentile(99) / 1e6,
    loadCpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  };
  if (args.timeline) {
    const lines = [...perMessage.entries()].map(
      ([text, m]) =>
        `${(performance.timeOrigin + m.sent).toFixed(1)} ${(m.first - m.sent).toFixed(2)} ${(m.last - m.sent).toFixed(2)} ${text.split(' ')[2]}`,
    );
    await writeFile(args.timeline, lines.join('\n') + '\n');
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
