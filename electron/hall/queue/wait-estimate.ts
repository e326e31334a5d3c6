// Estimated wait = people ahead × recent average service time of the category / open windows
// serving it (DOMAIN §7).
import type { Db } from '../../../db/connection.js';
import { get, sql } from '../../../db/sql.js';

/** Used until a category has served anyone. */
export const DEFAULT_SERVICE_MINUTES = 5;

/** The average over the category's last 20 services. The 20 is written into the SQL rather than bound:
 *  with `LIMIT ?` inside the subquery SQLite prepares the statement afresh at every run (≈ 40 µs, forty
 *  times the query itself), and every ticket issued runs it. */
export function recentServiceMinutes(db: Db, categoryId: number): number {
  const row = get<{ avg: number | null }>(
    db,
    sql`SELECT avg((julianday(finished_at) - julianday(serving_at)) * 1440) AS avg FROM (
          SELECT finished_at, serving_at FROM tickets
          WHERE category_id = ${categoryId} AND status = 'done' AND serving_at IS NOT NULL
          ORDER BY finished_at DESC LIMIT 20)`,
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
