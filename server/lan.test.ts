import { describe, expect, it } from 'vitest';
import { lanUrls } from './lan';

describe('lanUrls', () => {
  const ifaces = {
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
    eth0: [
      { address: '192.168.1.20', family: 'IPv4', internal: false },
      { address: 'fe80::1', family: 'IPv6', internal: false },
    ],
    wlan0: [{ address: '10.0.0.7', family: 'IPv4', internal: false }],
  } as unknown as Parameters<typeof lanUrls>[2];

  it('lists every non-internal IPv4 address when listening on all interfaces', () => {
    expect(lanUrls('0.0.0.0', 3000, ifaces)).toEqual(['http://192.168.1.20:3000/', 'http://10.0.0.7:3000/']);
  });

  it('names only HOST when it is one address, and nothing for loopback', () => {
    expect(lanUrls('192.168.1.20', 8080, ifaces)).toEqual(['http://192.168.1.20:8080/']);
    expect(lanUrls('127.0.0.1', 3000, ifaces)).toEqual([]);
  });
});
