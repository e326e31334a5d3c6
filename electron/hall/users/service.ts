// Staff accounts: list, create, change. Every change is audited in its own transaction.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { CreateUserRequest, Role, UpdateUserRequest, UserView } from '../../contract/api.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, notFound } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { hashPassword } from '../auth/passwords.js';
import { announceCredentialEnded } from '../auth/credentials.js';
import type { CredentialEndReason } from '../../contract/events.js';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  active: number;
  created_at: string;
  last_login_at: string | null;
}

const toView = (r: UserRow): UserView => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  active: r.active === 1,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

const USER_COLUMNS = sql`id, username, display_name, role, active, created_at, last_login_at`;

export function listUsers(db: Db): { rows: UserView[]; total: number } {
  const rows = all<UserRow>(db, sql`SELECT ${USER_COLUMNS} FROM users ORDER BY id`).map(toView);
  return { rows, total: rows.length };
}

export function findUser(db: Db, id: number): UserView | undefined {
  const row = get<UserRow>(db, sql`SELECT ${USER_COLUMNS} FROM users WHERE id = ${id}`);
  return row && toView(row);
}

export function usernameTaken(db: Db, username: string): boolean {
  return get(db, sql`SELECT 1 FROM users WHERE username = ${username}`) !== undefined;
}

export async function createUser(db: Db, clock: Clock, actor: Actor, input: CreateUserRequest): Promise<UserView> {
  const takenError = () => conflict('username_taken', { username: input.username }, [{ field: 'username', code: 'taken' }]);
  if (usernameTaken(db, input.username)) throw takenError();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(() => {
    // Checked again inside the transaction: another request may have taken the name while we hashed.
    if (usernameTaken(db, input.username)) throw takenError();
    const now = clock.now();
    const { lastInsertRowid } = run(
      db,
      sql`INSERT INTO users (username, display_name, role, password_hash, active, created_at, updated_at)
          VALUES (${input.username}, ${input.displayName}, ${input.role}, ${passwordHash}, 1, ${now.toISOString()}, ${now.toISOString()})`,
    );
    const id = Number(lastInsertRowid);
    appendAudit(db, actor, now, { action: 'user-create', entity: 'user', entityId: id, after: input.role, detail: { username: input.username } });
    return findUser(db, id)!;
  }).immediate();
}

function activeAdmins(db: Db): number {
  return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1`)!.n;
}

export async function updateUser(db: Db, clock: Clock, actor: Actor, id: number, input: UpdateUserRequest): Promise<UserView> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const { after, ended } = db.transaction(() => {
    const before = findUser(db, id);
    if (!before) throw notFound();
    const losesAdmin = before.role === 'admin' && before.active && (input.active === false || (input.role && input.role !== 'admin'));
    if (losesAdmin && activeAdmins(db) <= 1) throw conflict('last_admin');
    const now = clock.now().toISOString();
    run(
      db,
      sql`UPDATE users SET
            display_name = coalesce(${input.displayName ?? null}, display_name),
            role = coalesce(${input.role ?? null}, role),
            active = coalesce(${input.active ?? null}, active),
            password_hash = coalesce(${passwordHash}, password_hash),
            updated_at = ${now}
          WHERE id = ${id}`,
    );
    // A disabled account, a new role or a new password ends the sessions that were open; screens
    // and event sockets opened for the old role close with them, and a new login starts afresh.
    const ended = sessionsEndedBy(before, input, passwordHash !== null);
    if (ended) run(db, sql`UPDATE sessions SET ended_at = ${now} WHERE user_id = ${id} AND ended_at IS NULL`);
    const after = findUser(db, id)!;
    appendAudit(db, actor, clock.now(), {
      action: 'user-update',
      entity: 'user',
      entityId: id,
      before: `${before.role}${before.active ? '' : ' (inactive)'}`,
      after: `${after.role}${after.active ? '' : ' (inactive)'}`,
      detail: { fields: Object.keys(input).filter((k) => k !== 'password').concat(passwordHash ? ['password-reset'] : []) },
    });
    return { after, ended };
  }).immediate();
  if (ended) announceCredentialEnded(db, { kind: 'user', userId: id, reason: ended });
  return after;
}

function sessionsEndedBy(before: UserView, input: UpdateUserRequest, newPassword: boolean): CredentialEndReason | null {
  if (input.active === false) return 'user_disabled';
  if (input.role !== undefined && input.role !== before.role) return 'role_changed';
  return newPassword ? 'token_revoked' : null;
}
