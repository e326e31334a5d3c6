// Cases now (DOMAIN §8): by status, yellow and red (overdue) warnings, overdue by item and by village,
// and today's received / accepted / concluded. Example data (cases of example items) is left out.
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import { CLOCK_RUNNING } from '../../contract/cases.js';
import type { CaseFigures } from '../../contract/dashboard.js';

const RUNNING = sql.join(CLOCK_RUNNING.map((s) => sql`${s}`), ', ');
/** Cases of real items only: the demo's example items never count. */
export const REAL_CASES = sql`NOT EXISTS (SELECT 1 FROM items i WHERE i.code = c.item_code AND i.example = 1)`;

/** `yellowUntil`: the last due date that is yellow today (the calendar's working-day count, computed by the caller). */
export function caseFigures(db: Db, p: { today: string; yellowUntil: string }): CaseFigures {
  const overdue = sql`c.status IN (${RUNNING}) AND c.due_date IS NOT NULL AND c.due_date < ${p.today} AND ${REAL_CASES}`;
  const counts = get<{ yellow: number; red: number; received: number; accepted: number; concluded: number }>(
    db,
    sql`SELECT
          coalesce(sum(c.status IN (${RUNNING}) AND c.due_date >= ${p.today} AND c.due_date <= ${p.yellowUntil}), 0) AS yellow,
          coalesce(sum(c.status IN (${RUNNING}) AND c.due_date < ${p.today}), 0) AS red,
          coalesce(sum(c.business_day = ${p.today}), 0) AS received,
          coalesce(sum(c.accepted_day = ${p.today}), 0) AS accepted,
          coalesce(sum(c.concluded_day = ${p.today}), 0) AS concluded
        FROM cases c WHERE ${REAL_CASES}`,
  )!;
  return {
    byStatus: all<{ status: string; count: number }>(db, sql`SELECT c.status, count(*) AS count FROM cases c WHERE ${REAL_CASES} GROUP BY c.status ORDER BY count DESC, c.status`),
    yellow: counts.yellow,
    red: counts.red,
    overdueByItem: all(db, sql`SELECT c.item_code AS itemCode, max(c.item_name) AS itemName, count(*) AS count FROM cases c WHERE ${overdue} GROUP BY c.item_code ORDER BY count DESC, itemCode LIMIT 20`),
    overdueByVillage: all(db, sql`SELECT c.village_code AS village, count(*) AS count FROM cases c WHERE ${overdue} GROUP BY c.village_code ORDER BY count DESC, village LIMIT 20`),
    receivedToday: counts.received,
    acceptedToday: counts.accepted,
    concludedToday: counts.concluded,
  };
}
