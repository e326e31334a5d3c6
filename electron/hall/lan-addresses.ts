// The addresses other PCs in the hall can open. A host listening on every interface (0.0.0.0, ::)
// is reached through its LAN addresses; printing `http://0.0.0.0:8620` would give the clerks a link
// that opens nothing on their PCs.
import type { NetworkInterfaceInfo } from 'node:os';

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

function base(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** The base URLs to print for this listen address, the most likely one first. */
export function reachableBases(host: string, port: number, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  if (!WILDCARDS.has(host)) return [base(host, port)];
  const lan = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal && !i.address.startsWith('169.254.'))
    .map((i) => base(i.address, port));
  return lan.length > 0 ? [...new Set(lan)] : [base('127.0.0.1', port)];
}
