// Cases now (DOMAIN §8): by status, yellow and red (overdue) warnings, overdue by item and by village,
// and today's received / accepted / concluded. Example data (cases of example items) is left out.
// Every query reads a narrow index range or the counts the triggers of migrations 15 and 16 keep (per
// status and item, per day and item), never the million cases a busy hall holds after a year.
import type { Db } from '../../../db/connection.js';
import { all, get, sql, type SqlFragment } from '../../../db/sql.js';
import { CLOCK_RUNNING } from '../../contract/cases.js';
import type { CaseFigures } from '../../contract/dashboard.js';

const RUNNING = sql.join(CLOCK_RUNNING.map((s) => sql`${s}`), ', ');
/** Cases of real items only: the demo's example items never count. The few example codes are read
 *  once per query, not looked up again for every case. */
export const REAL_CASES = sql`c.item_code NOT IN (SELECT i.code FROM items i WHERE i.example = 1)`;

export interface CaseDayCounts {
  day: string;
  received: number;
  accepted: number;
  concluded: number;
}

/** Cases of real items received, accepted and concluded on each day of `from` … `to`, from the day
 *  counts (case_daily, aliased `c` so that REAL_CASES reads its item_code). */
export function caseDayCounts(db: Db, from: string, to: string): CaseDayCounts[] {
  return all<CaseDayCounts>(
    db,
    sql`SELECT c.day, sum(c.received) AS received, sum(c.accepted) AS accepted, sum(c.concluded) AS concluded
        FROM case_daily c WHERE c.day BETWEEN ${from} AND ${to} AND ${REAL_CASES} GROUP BY c.day`,
  );
}

/** `yellowUntil`: the last due date that is yellow today (the calendar's working-day count, computed by the caller). */
export function caseFigures(db: Db, p: { today: string; yellowUntil: string }): CaseFigures {
  const overdue = sql`c.status IN (${RUNNING}) AND c.due_date IS NOT NULL AND c.due_date < ${p.today} AND ${REAL_CASES}`;
  // The index by status, item and due date holds everything these ask, so no case row is read
  // (or, for the groupings, only the overdue real cases' rows).
  const count = (where: SqlFragment) => get<{ n: number }>(db, sql`SELECT count(*) AS n FROM cases c INDEXED BY cases_status_item_due WHERE ${where} AND ${REAL_CASES}`)!.n;
  const overdueBy = (key: SqlFragment) => sql`FROM cases c INDEXED BY cases_status_item_due WHERE ${overdue} GROUP BY ${key} ORDER BY count DESC, ${key} LIMIT 20`;
  const today = caseDayCounts(db, p.today, p.today)[0];
  return {
    byStatus: all<{ status: string; count: number }>(
      db,
      sql`SELECT s.status, sum(s.count) AS count FROM case_status_counts s
          WHERE s.item_code NOT IN (SELECT i.code FROM items i WHERE i.example = 1)
          GROUP BY s.status HAVING sum(s.count) > 0 ORDER BY count DESC, s.status`,
    ),
    yellow: count(sql`c.status IN (${RUNNING}) AND c.due_date >= ${p.today} AND c.due_date <= ${p.yellowUntil}`),
    red: count(sql`c.status IN (${RUNNING}) AND c.due_date < ${p.today}`),
    overdueByItem: all(db, sql`SELECT c.item_code AS itemCode, max(c.item_name) AS itemName, count(*) AS count ${overdueBy(sql`c.item_code`)}`),
    overdueByVillage: all(db, sql`SELECT c.village_code AS village, count(*) AS count ${overdueBy(sql`c.village_code`)}`),
    receivedToday: today?.received ?? 0,
    acceptedToday: today?.accepted ?? 0,
    concludedToday: today?.concluded ?? 0,
  };
}
