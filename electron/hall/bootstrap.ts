// First start of a new database: the admin account, with the given password or a random one. And
// its recovery from the host's command line when the admin password is lost.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { get, run, sql } from '../../db/sql.js';
import { appendAudit } from './audit/chain.js';
import { hashPassword } from './auth/passwords.js';
import type { Clock } from './clock.js';
import { SYSTEM_ACTOR, type Actor } from './http/principal.js';
import { createUser } from './users/service.js';

export const ADMIN_USERNAME = 'admin';
/** The audit trail's actor for what is done from the host's command line (physical access). */
export const CLI_ACTOR: Actor = { kind: 'system', id: null, name: 'system', terminal: 'cli' };

function randomPassword(): string {
  return randomBytes(9).toString('base64url');
}

/** Creates `admin` when there are no users; returns the password if it was generated here. */
export async function ensureAdmin(db: Db, clock: Clock, password: string | null): Promise<string | null> {
  if (get(db, sql`SELECT 1 FROM users LIMIT 1`)) return null;
  const chosen = password ?? randomPassword();
  await createUser(db, clock, SYSTEM_ACTOR, { username: ADMIN_USERNAME, password: chosen, displayName: '系统管理员', role: 'admin' });
  return password ? null : chosen;
}

export interface AdminReset {
  password: string;
  userId: number;
  created: boolean;
  sessionsEnded: number;
}

/**
 * `--reset-admin-password`: user `admin` gets a new password (the given one or a random one), is
 * active and an admin again, and every session it had is ended; one audited transaction. Created
 * if it no longer exists, so a hall is never left without a way in.
 */
export async function resetAdminPassword(db: Db, clock: Clock, password: string | null): Promise<AdminReset> {
  const chosen = password ?? randomPassword();
  const passwordHash = await hashPassword(chosen);
  return db
    .transaction((): AdminReset => {
      const now = clock.now();
      const at = now.toISOString();
      const before = get<{ id: number; role: string; active: number }>(db, sql`SELECT id, role, active FROM users WHERE username = ${ADMIN_USERNAME}`);
      let userId: number;
      let sessionsEnded = 0;
      if (before) {
        userId = before.id;
        run(db, sql`UPDATE users SET password_hash = ${passwordHash}, role = 'admin', active = 1, updated_at = ${at} WHERE id = ${userId}`);
        sessionsEnded = run(db, sql`UPDATE sessions SET ended_at = ${at} WHERE user_id = ${userId} AND ended_at IS NULL`).changes;
      } else {
        userId = Number(
          run(
            db,
            sql`INSERT INTO users (username, display_name, role, password_hash, active, created_at, updated_at)
                VALUES (${ADMIN_USERNAME}, '系统管理员', 'admin', ${passwordHash}, 1, ${at}, ${at})`,
          ).lastInsertRowid,
        );
      }
      appendAudit(db, CLI_ACTOR, now, {
        action: 'admin-password-reset',
        entity: 'user',
        entityId: userId,
        before: before ? `${before.role}${before.active ? '' : ' (inactive)'}` : null,
        after: 'admin',
        detail: { username: ADMIN_USERNAME, created: !before, sessionsEnded, generated: password === null },
      });
      return { password: chosen, userId, created: !before, sessionsEnded };
    })
    .immediate();
}
