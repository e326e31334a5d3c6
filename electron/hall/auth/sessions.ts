// Staff sessions and device tokens: creation, lookup by token, expiry, logout.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { DeviceKind, Role, SessionUser } from '../../contract/api.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { announceCredentialEnded } from './credentials.js';
import { unauthorized } from '../http/errors.js';
import type { Actor, Principal } from '../http/principal.js';
import { getSetting } from '../settings/service.js';
import { checkGate, DUMMY_HASH, verifyPassword, type Lane } from './passwords.js';
import { hashToken, newToken } from './tokens.js';

interface UserAuthRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/** The account a login name belongs to (disabled ones too), before any password is checked: the
 *  login limiter counts a real account's failures apart from made-up names. */
export function accountIdOf(db: Db, username: string): number | null {
  return get<{ id: number }>(db, sql`SELECT id FROM users WHERE username = ${username}`)?.id ?? null;
}

/** Checks the password and opens a session; a wrong name and a wrong password look the same. A
 *  failure is audited by the caller (auth/failed-login-audit.ts), which keeps those rows bounded.
 *  `lane`: 'known' when the caller is at one of the hall's own PCs (auth/staff-addresses.ts). */
export async function login(db: Db, clock: Clock, username: string, password: string, ip: string, lane: Lane = 'public'): Promise<LoginResult> {
  const row = get<UserAuthRow>(db, sql`SELECT id, username, display_name, role, password_hash, active FROM users WHERE username = ${username}`);
  const passwordOk = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH, checkGate, lane);
  if (!row || !row.active || !passwordOk) throw unauthorized('bad_credentials');
  const token = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + getSetting(db, 'auth.sessionHours') * 3_600_000).toISOString();
  db.transaction(() => {
    run(
      db,
      sql`INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, client_ip)
          VALUES (${hashToken(token)}, ${row.id}, ${now.toISOString()}, ${expiresAt}, ${now.toISOString()}, ${ip})`,
    );
    run(db, sql`UPDATE users SET last_login_at = ${now.toISOString()} WHERE id = ${row.id}`);
    appendAudit(db, { kind: 'user', id: row.id, name: row.username, terminal: ip }, now, {
      action: 'login',
      entity: 'user',
      entityId: row.id,
    });
  }).immediate();
  return {
    token,
    expiresAt,
    user: { id: row.id, username: row.username, role: row.role, displayName: row.display_name },
  };
}

export function logout(db: Db, clock: Clock, principal: Principal, actor: Actor): void {
  if (principal.kind !== 'user') return;
  db.transaction(() => {
    run(db, sql`UPDATE sessions SET ended_at = ${clock.now().toISOString()} WHERE id = ${principal.sessionId} AND ended_at IS NULL`);
    appendAudit(db, actor, clock.now(), { action: 'logout', entity: 'user', entityId: principal.user.id });
  }).immediate();
  announceCredentialEnded(db, { kind: 'session', sessionId: principal.sessionId, reason: 'logged_out' });
}

interface SessionRow {
  id: number;
  expires_at: string;
  ended_at: string | null;
  user_id: number;
  username: string;
  display_name: string;
  role: Role;
  active: number;
}

/** `expiresAt`: when the session or device token runs out, for whatever stays open on it. */
export type TokenLookup = { ok: true; principal: Principal; expiresAt: string } | { ok: false; reason: 'unknown' | 'expired' | 'revoked' };

/** Resolves a bearer token to a user session or a paired device. */
export function resolveToken(db: Db, clock: Clock, token: string): TokenLookup {
  const tokenHash = hashToken(token);
  const nowIso = clock.now().toISOString();
  const session = get<SessionRow>(
    db,
    sql`SELECT s.id, s.expires_at, s.ended_at, u.id AS user_id, u.username, u.display_name, u.role, u.active
        FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ${tokenHash}`,
  );
  if (session) {
    if (session.ended_at || !session.active) return { ok: false, reason: 'revoked' };
    if (session.expires_at <= nowIso) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      expiresAt: session.expires_at,
      principal: {
        kind: 'user',
        sessionId: session.id,
        user: { id: session.user_id, username: session.username, role: session.role, displayName: session.display_name },
      },
    };
  }
  const device = get<{ id: number; name: string; kind: DeviceKind; token_expires_at: string; revoked_at: string | null; last_seen_at: string | null }>(
    db,
    sql`SELECT id, name, kind, token_expires_at, revoked_at, last_seen_at FROM devices WHERE token_hash = ${tokenHash}`,
  );
  if (!device) return { ok: false, reason: 'unknown' };
  if (device.revoked_at) return { ok: false, reason: 'revoked' };
  if (device.token_expires_at <= nowIso) return { ok: false, reason: 'expired' };
  // "Last seen" is for the admin's device list; once a minute is plenty and spares the disk.
  if (!device.last_seen_at || Date.parse(nowIso) - Date.parse(device.last_seen_at) > 60_000) {
    run(db, sql`UPDATE devices SET last_seen_at = ${nowIso} WHERE id = ${device.id}`);
  }
  return {
    ok: true,
    expiresAt: device.token_expires_at,
    principal: { kind: 'device', device: { id: device.id, name: device.name, kind: device.kind } },
  };
}
