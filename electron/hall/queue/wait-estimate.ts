// Estimated wait = people ahead × recent average service time of the category / open windows
// serving it (DOMAIN §7).
import type { Db } from '../../../db/connection.js';
import { get, sql } from '../../../db/sql.js';

/** Used until a category has served anyone. */
export const DEFAULT_SERVICE_MINUTES = 5;
const RECENT = 20;

export function recentServiceMinutes(db: Db, categoryId: number): number {
  const row = get<{ avg: number | null }>(
    db,
    sql`SELECT avg((julianday(finished_at) - julianday(serving_at)) * 1440) AS avg FROM (
          SELECT finished_at, serving_at FROM tickets
          WHERE category_id = ${categoryId} AND status = 'done' AND serving_at IS NOT NULL
          ORDER BY finished_at DESC LIMIT ${RECENT})`,
  );
  return row?.avg ?? DEFAULT_SERVICE_MINUTES;
}

export function openWindowsServing(db: Db, categoryId: number): number {
  return get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM windows w JOIN window_categories wc ON wc.window_id = w.id
        WHERE wc.category_id = ${categoryId} AND w.status = 'open' AND w.active = 1`,
  )!.n;
}

export function estimateWait(db: Db, categoryId: number, ahead: number): number {
  if (ahead === 0) return 0;
  const windows = Math.max(1, openWindowsServing(db, categoryId));
  return Math.ceil((ahead * recentServiceMinutes(db, categoryId)) / windows);
}
