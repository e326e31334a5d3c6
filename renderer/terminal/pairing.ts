// Whether a pairing code belongs to a device of this page's kind, and what to say when it does not.
import type { DeviceKind, WhoAmI } from '../shared/contract';
import { ApiError } from '../shared/api-error';

export type PairedRole = Extract<DeviceKind, 'kiosk' | 'display' | 'rating'>;

export interface PairingProblem {
  /** The form field the message belongs under, or null for the whole form. */
  field: 'hostUrl' | 'token' | null;
  key: string;
  params?: Record<string, string>;
}

export type PairingCheck = { ok: true; device: { id: number; name: string; kind: DeviceKind } } | { ok: false; problem: PairingProblem };

/** GET /auth/me with the code as bearer must name a device of exactly this page's kind. */
export function checkPairing(who: WhoAmI, role: PairedRole): PairingCheck {
  if (who.kind !== 'device') return { ok: false, problem: { field: 'token', key: 'pairing.notDevice' } };
  if (who.device.kind !== role) {
    return { ok: false, problem: { field: 'token', key: 'pairing.wrongKind', params: { kind: who.device.kind, expected: role } } };
  }
  return { ok: true, device: who.device };
}

/** A failed /auth/me: a refused code, a host that does not answer, or something else the host said. */
export function pairingProblemFrom(error: unknown): PairingProblem {
  if (error instanceof ApiError) {
    if (error.code === 'unauthorized' || error.code === 'forbidden') return { field: 'token', key: 'pairing.badCode' };
    if (error.code === 'unreachable') return { field: 'hostUrl', key: 'errors.unreachable' };
    if (error.code === 'not_found' || error.code === 'bad_response') return { field: 'hostUrl', key: 'pairing.notAHost' };
  }
  return { field: null, key: 'errors.internal' };
}

/** A pairing code handed over in the address (`/kiosk#pair=<code>`, as the host prints for demo devices). */
export function pairingCodeFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const code = params.get('pair')?.trim();
  return code ? code : null;
}
