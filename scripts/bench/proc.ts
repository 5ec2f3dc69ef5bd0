/**
 * What the benchmark scripts read of processes and of the machine (Linux /proc), and the small
 * process chores they share: a free port, stopping a child.
 */
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

/** A port free on the loopback address right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A process's resident memory and the CPU seconds it has used so far. */
export async function procStatus(pid: number): Promise<{ rssMb: number; cpuSeconds: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // utime and stime are fields 14 and 15, counted after the ")" that ends the command name.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssMb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024, cpuSeconds: ticks / 100 };
}

/**
 * CPU seconds the whole machine spent busy so far (all cores, all processes), and those a
 * hypervisor took for other machines ("steal": on a VM, a noisy neighbour).
 */
export async function machineCpu(): Promise<{ busy: number; steal: number }> {
  const line = (await readFile('/proc/stat', 'utf8').catch(() => '')).split('\n')[0] ?? '';
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.split(/\s+/).slice(1).map(Number);
  return { busy: (user + nice + system + irq + softirq) / 100, steal: steal / 100 };
}

/** Stops a child with SIGTERM; resolves once it has exited (at once if it already has). */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
