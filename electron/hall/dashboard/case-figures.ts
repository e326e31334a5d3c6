// Cases now (DOMAIN §8): by status, yellow and red (overdue) warnings, overdue by item and by village,
// and today's received / accepted / concluded. Example data (cases of example items) is left out.
// Every query reads a narrow index range or the per-status counts the triggers of migration 17 keep,
// never the million cases a busy hall holds after a year.
import type { Db } from '../../../db/connection.js';
import { all, get, sql, type SqlFragment } from '../../../db/sql.js';
import { CLOCK_RUNNING } from '../../contract/cases.js';
import type { CaseFigures } from '../../contract/dashboard.js';

const RUNNING = sql.join(CLOCK_RUNNING.map((s) => sql`${s}`), ', ');
/** Cases of real items only: the demo's example items never count. The few example codes are read
 *  once per query, not looked up again for every case. */
export const REAL_CASES = sql`c.item_code NOT IN (SELECT i.code FROM items i WHERE i.example = 1)`;

/** `yellowUntil`: the last due date that is yellow today (the calendar's working-day count, computed by the caller). */
export function caseFigures(db: Db, p: { today: string; yellowUntil: string }): CaseFigures {
  const overdue = sql`c.status IN (${RUNNING}) AND c.due_date IS NOT NULL AND c.due_date < ${p.today} AND ${REAL_CASES}`;
  const count = (where: SqlFragment) => get<{ n: number }>(db, sql`SELECT count(*) AS n FROM cases c WHERE ${where} AND ${REAL_CASES}`)!.n;
  return {
    byStatus: all<{ status: string; count: number }>(
      db,
      sql`SELECT s.status, sum(s.count) AS count FROM case_status_counts s
          WHERE s.item_code NOT IN (SELECT i.code FROM items i WHERE i.example = 1)
          GROUP BY s.status HAVING sum(s.count) > 0 ORDER BY count DESC, s.status`,
    ),
    yellow: count(sql`c.status IN (${RUNNING}) AND c.due_date >= ${p.today} AND c.due_date <= ${p.yellowUntil}`),
    red: count(sql`c.status IN (${RUNNING}) AND c.due_date < ${p.today}`),
    overdueByItem: all(db, sql`SELECT c.item_code AS itemCode, max(c.item_name) AS itemName, count(*) AS count FROM cases c WHERE ${overdue} GROUP BY c.item_code ORDER BY count DESC, itemCode LIMIT 20`),
    overdueByVillage: all(db, sql`SELECT c.village_code AS village, count(*) AS count FROM cases c WHERE ${overdue} GROUP BY c.village_code ORDER BY count DESC, village LIMIT 20`),
    receivedToday: count(sql`c.business_day = ${p.today}`),
    acceptedToday: count(sql`c.accepted_day = ${p.today}`),
    concludedToday: count(sql`c.concluded_day = ${p.today}`),
  };
}
