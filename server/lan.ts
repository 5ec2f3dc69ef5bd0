/**
 * The local-network addresses `npm start` prints, so a teacher knows what students type.
 */
import { networkInterfaces } from 'node:os';

/**
 * The addresses students on the local network can open: every non-internal IPv4 address of this
 * machine when listening on all interfaces (or the one HOST names), never loopback.
 */
export function lanUrls(
  host: string,
  port: number,
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): string[] {
  if (host !== '0.0.0.0' && host !== '::' && host !== '') {
    return host === '127.0.0.1' || host === 'localhost' || host === '::1' ? [] : [`http://${host}:${port}/`];
  }
  const out: string[] = [];
  for (const list of Object.values(interfaces))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(`http://${a.address}:${port}/`);
  return out;
}
