import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { reachableBases } from '../../electron/hall/lan-addresses.js';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

const INTERFACES = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('192.168.1.20', 'IPv4'), nic('fe80::1', 'IPv6')],
  wlan0: [nic('10.0.0.7', 'IPv4'), nic('169.254.3.4', 'IPv4')],
};

describe('reachableBases', () => {
  it('a host on every interface prints its LAN addresses, never 0.0.0.0', () => {
    expect(reachableBases('0.0.0.0', 8620, INTERFACES)).toEqual(['http://192.168.1.20:8620', 'http://10.0.0.7:8620']);
    expect(reachableBases('::', 8620, INTERFACES)).toEqual(['http://192.168.1.20:8620', 'http://10.0.0.7:8620']);
  });
  it('a PC with no network falls back to this machine', () => {
    expect(reachableBases('0.0.0.0', 8620, { lo: INTERFACES.lo })).toEqual(['http://127.0.0.1:8620']);
  });
  it('a given address is printed as it is', () => {
    expect(reachableBases('192.168.1.20', 8620, INTERFACES)).toEqual(['http://192.168.1.20:8620']);
    expect(reachableBases('127.0.0.1', 0 + 8621, INTERFACES)).toEqual(['http://127.0.0.1:8621']);
    expect(reachableBases('fd00::5', 8620, INTERFACES)).toEqual(['http://[fd00::5]:8620']);
  });
});
