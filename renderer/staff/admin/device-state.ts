// Plain facts about a device for the admin list and the pairing panel.
import type { DeviceKind, DeviceView } from '../../shared/contract';

export type DeviceState = 'active' | 'revoked' | 'expired';

export function deviceState(device: Pick<DeviceView, 'revoked' | 'tokenExpiresAt'>, now: Date): DeviceState {
  if (device.revoked) return 'revoked';
  const expires = Date.parse(device.tokenExpiresAt);
  return Number.isFinite(expires) && expires <= now.getTime() ? 'expired' : 'active';
}

/** The page a terminal of this kind opens to pair; counters are staff PCs and have none. */
export function pairingPagePath(kind: DeviceKind): string | null {
  return kind === 'kiosk' || kind === 'display' || kind === 'rating' ? `/${kind}` : null;
}

/** True when the address only works on this PC, so other terminals need its LAN address instead. */
export function isLoopbackHost(hostUrl: string): boolean {
  try {
    const { hostname } = new URL(hostUrl);
    return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
  } catch {
    return false;
  }
}
