// When a credential ends — a device revoked or re-issued, a user disabled or given another role, a
// session logged out or cut by a password reset — the service that commits it announces so in the
// same call, right after the commit; whatever was opened with the credential (the events sockets)
// listens here and ends before any other code runs. Services know nothing of who listens.
// Listeners are kept per database: the credentials live there, and a test may run several halls.
import type { Db } from '../../../db/connection.js';
import { all, sql } from '../../../db/sql.js';
import type { CredentialEndReason } from '../../contract/events.js';
import type { Clock } from '../clock.js';
import type { Principal } from '../http/principal.js';

export type CredentialEnded =
  | { kind: 'device'; deviceId: number; reason: CredentialEndReason }
  | { kind: 'user'; userId: number; reason: CredentialEndReason }
  | { kind: 'session'; sessionId: number; reason: CredentialEndReason };

type Listener = (notice: CredentialEnded) => void;

const listeners = new WeakMap<Db, Set<Listener>>();

export function onCredentialEnded(db: Db, listener: Listener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Call after the change has committed, in the same synchronous call. */
export function announceCredentialEnded(db: Db, notice: CredentialEnded): void {
  for (const listener of listeners.get(db) ?? []) listener(notice);
}

/** Whether a notice is about the credential behind this principal. */
export function concerns(notice: CredentialEnded, principal: Principal): boolean {
  if (notice.kind === 'device') return principal.kind === 'device' && principal.device.id === notice.deviceId;
  if (principal.kind !== 'user') return false;
  return notice.kind === 'user' ? principal.user.id === notice.userId : principal.sessionId === notice.sessionId;
}

/** A credential something was let in with: who it resolved to, its token's hash and its expiry. */
export interface HeldCredential {
  principal: Principal;
  tokenHash: Buffer;
  expiresAtMs: number;
}

interface SessionStanding {
  id: number;
  expires_at: string;
  ended_at: string | null;
  active: number;
  role: string;
}

interface DeviceStanding {
  id: number;
  token_hash: Buffer;
  token_expires_at: string;
  revoked_at: string | null;
}

/**
 * Why each held credential no longer stands (null where it still does), read again from the
 * database in one query per kind. This catches what no notice told of (a change made by another
 * process, such as the command line), at the cost of two indexed look-ups per check.
 */
export function endedCredentials(db: Db, clock: Clock, held: readonly HeldCredential[]): Array<CredentialEndReason | null> {
  const sessionIds = held.flatMap((h) => (h.principal.kind === 'user' ? [h.principal.sessionId] : []));
  const deviceIds = held.flatMap((h) => (h.principal.kind === 'device' ? [h.principal.device.id] : []));
  const sessions = new Map(
    sessionIds.length === 0
      ? []
      : all<SessionStanding>(
          db,
          sql`SELECT s.id, s.expires_at, s.ended_at, u.active, u.role FROM sessions s JOIN users u ON u.id = s.user_id
              WHERE s.id IN (SELECT value FROM json_each(${JSON.stringify(sessionIds)}))`,
        ).map((row) => [row.id, row]),
  );
  const devices = new Map(
    deviceIds.length === 0
      ? []
      : all<DeviceStanding>(
          db,
          sql`SELECT id, token_hash, token_expires_at, revoked_at FROM devices
              WHERE id IN (SELECT value FROM json_each(${JSON.stringify(deviceIds)}))`,
        ).map((row) => [row.id, row]),
  );
  const nowIso = clock.now().toISOString();
  return held.map(({ principal, tokenHash }) => {
    if (principal.kind === 'user') {
      const row = sessions.get(principal.sessionId);
      if (!row) return 'token_revoked';
      if (!row.active) return 'user_disabled';
      if (row.role !== principal.user.role) return 'role_changed';
      if (row.ended_at) return 'token_revoked';
      return row.expires_at <= nowIso ? 'token_expired' : null;
    }
    const row = devices.get(principal.device.id);
    if (!row || row.revoked_at || !row.token_hash.equals(tokenHash)) return 'token_revoked';
    return row.token_expires_at <= nowIso ? 'token_expired' : null;
  });
}
