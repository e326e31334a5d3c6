// First start of a new database: the admin account, with the given password or a random one.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { get } from '../../db/sql.js';
import { sql } from '../../db/sql.js';
import type { Clock } from './clock.js';
import { SYSTEM_ACTOR } from './http/principal.js';
import { createUser } from './users/service.js';

/** Creates `admin` when there are no users; returns the password if it was generated here. */
export async function ensureAdmin(db: Db, clock: Clock, password: string | null): Promise<string | null> {
  if (get(db, sql`SELECT 1 FROM users LIMIT 1`)) return null;
  const chosen = password ?? randomBytes(9).toString('base64url');
  await createUser(db, clock, SYSTEM_ACTOR, { username: 'admin', password: chosen, displayName: '系统管理员', role: 'admin' });
  return password ? null : chosen;
}
