// Which hall a database (or a backup of it) belongs to: a random id made once per hall, kept in the
// settings table. The hall code (行政区划代码) is not enough: many halls keep the default until the
// county's settings are entered.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { Clock } from '../clock.js';

export const HALL_IDENTITY_KEY = 'hall.identity';

/** The hall's identity, or null for a database from before identities (or not a hall's). */
export function readHallIdentity(db: Db): string | null {
  const row = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${HALL_IDENTITY_KEY}`);
  if (!row) return null;
  const parsed = z.string().uuid().safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

/** Made at the first start that needs it; never changed afterwards (a restore keeps it). */
export function ensureHallIdentity(db: Db, clock: Clock): string {
  const found = readHallIdentity(db);
  if (found) return found;
  const id = randomUUID();
  run(
    db,
    sql`INSERT INTO settings (key, value, updated_at) VALUES (${HALL_IDENTITY_KEY}, ${JSON.stringify(id)}, ${clock.now().toISOString()})
        ON CONFLICT(key) DO NOTHING`,
  );
  return readHallIdentity(db)!;
}
