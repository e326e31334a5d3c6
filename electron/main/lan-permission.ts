// Chromium's Local Network Access (on in the Chromium of Electron 45): a page that is not itself on
// the LAN must be granted a permission before it may reach a private or loopback address, and the
// deny-all handler would refuse every request to the hall host. The grant is per requesting page,
// not per address, so it is given only to our own app://hall page in a terminal window whose paired
// host is such an address; that page's CSP connect-src (security.ts) names that host alone, so the
// grant reaches the paired hall host and nothing else on the LAN. Pure, so the rule is tested as is.
import { isIP } from 'node:net';
import { isAppUrl } from './security.js';

/** Chromium's names: the first is the one permission; newer Chromium splits it in two. */
export const LOCAL_NETWORK_PERMISSIONS = ['local-network-access', 'local-network', 'loopback-network'] as const;
export type LocalNetworkPermission = (typeof LOCAL_NETWORK_PERMISSIONS)[number];

export function isLocalNetworkPermission(permission: string): permission is LocalNetworkPermission {
  return (LOCAL_NETWORK_PERMISSIONS as readonly string[]).includes(permission);
}

export type AddressScope = 'loopback' | 'private' | 'public';

/** Where an address (IP literal or name) lies, as Chromium's LNA sees it; names other than localhost count as public. */
export function addressScope(hostname: string): AddressScope {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  const family = isIP(host);
  if (family === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    if (a === 127) return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
    return 'public';
  }
  if (family === 6) {
    if (host === '::1') return 'loopback';
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped) return addressScope(mapped[1]!);
    if (/^f[cd]/.test(host) || /^fe[89ab]/.test(host)) return 'private';
    return 'public';
  }
  return 'public';
}

function hostScope(hostUrl: string): AddressScope | null {
  try {
    const url = new URL(hostUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? addressScope(url.hostname) : null;
  } catch {
    return null;
  }
}

/**
 * Whether to grant `permission` to a page at `requestingUrl` whose window is paired with `hostUrl`
 * (null: not a terminal window, e.g. the set-up or print window). Any other permission: no.
 */
export function allowsLocalNetwork(permission: string, requestingUrl: string | undefined, hostUrl: string | null): boolean {
  if (!isLocalNetworkPermission(permission) || hostUrl === null || !isAppUrl(requestingUrl)) return false;
  const scope = hostScope(hostUrl);
  if (scope === null || scope === 'public') return false;
  if (permission === 'loopback-network') return scope === 'loopback';
  if (permission === 'local-network') return scope === 'private';
  return true;
}
