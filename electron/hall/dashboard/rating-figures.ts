// Ratings over a period of hall days (DOMAIN §8): 主动评价率, 满意率, 差评, 差评整改率, 实名差评回访率.
// A rating removed by an upheld appeal counts nowhere; ratings of example cases count nowhere.
// Read from per-day sums, so a year costs about as much as a day.
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import type { RatingFigures } from '../../contract/dashboard.js';
import { share } from './period.js';
import { caseDayCounts } from './case-figures.js';
import { queueDaySums } from '../reports/queue-report.js';

/** A rating that counts (DOMAIN §8): not removed by an upheld appeal, not about an example item's
 *  case. The one definition is migration 16's, kept on the row by triggers as `counted`. */
export const COUNTED_RATING = sql`r.counted = 1`;

/** Counted ratings given on each hall day of `from` … `to` that had any, from the day sums (rating_daily). */
export function ratingsByDay(db: Db, from: string, to: string): Array<{ day: string; ratings: number; satisfied: number; bad: number }> {
  return all(
    db,
    sql`SELECT d.business_day AS day, sum(d.ratings) AS ratings, sum(d.satisfied) AS satisfied, sum(d.bad) AS bad
        FROM rating_daily d WHERE d.business_day BETWEEN ${from} AND ${to} GROUP BY d.business_day HAVING sum(d.ratings) > 0`,
  );
}

/**
 * The indicators over the hall days `from` … `to`. Every count is read from the per-day sums the
 * triggers of migrations 15 and 16 keep (tickets done, case stages reached, counted ratings by the
 * day given and by the day of the service rated) and from the work orders of the period (a few per
 * hundred ratings); never from a period's ratings, tickets or cases one by one.
 */
export function ratingFigures(db: Db, p: { from: string; to: string }): RatingFigures {
  // Services finished: tickets done (the days' sums: a closed day's kept count) and case stages
  // (受理, 办结) reached; rated: those with a counted rating, by the day of the service.
  const ticketsDone = queueDaySums(db, p.from, p.to).reduce((a, d) => a + d.served, 0);
  const stages = caseDayCounts(db, p.from, p.to).reduce((a, d) => a + d.accepted + d.concluded, 0);
  const rated = get<{ n: number }>(db, sql`SELECT coalesce(sum(rated), 0) AS n FROM rating_service_daily WHERE service_day BETWEEN ${p.from} AND ${p.to}`)!.n;
  const services = { finished: ticketsDone + stages, rated };
  const ratings = ratingsByDay(db, p.from, p.to).reduce((a, d) => ({ n: a.n + d.ratings, satisfied: a.satisfied + d.satisfied, bad: a.bad + d.bad }), { n: 0, satisfied: 0, bad: 0 });
  // From two indexes: the orders by due date, and the few ratings that do not count.
  const orders = get<{ due: number; closed: number }>(
    db,
    sql`SELECT count(*) AS due, coalesce(sum(o.outcome IN ('rectified', 'answered')), 0) AS closed
        FROM rating_work_orders o INDEXED BY rating_work_orders_due
        WHERE o.rectify_due BETWEEN ${p.from} AND ${p.to}
          AND NOT EXISTS (SELECT 1 FROM ratings r INDEXED BY ratings_uncounted WHERE r.id = o.rating_id AND r.counted = 0)`,
  )!;
  // Work orders are opened for bad ratings only: the period's counted bad ratings are found by
  // their day (a partial index) and each one's order by its rating.
  const realName = get<{ n: number; calledBack: number }>(
    db,
    sql`SELECT count(*) AS n, coalesce(sum(o.callback_at IS NOT NULL), 0) AS calledBack
        FROM ratings r INDEXED BY ratings_bad_day JOIN rating_work_orders o ON o.rating_id = r.id
        WHERE r.business_day BETWEEN ${p.from} AND ${p.to} AND r.level <= 2 AND ${COUNTED_RATING} AND o.real_name = 1`,
  )!;
  return {
    from: p.from,
    to: p.to,
    servicesFinished: services.finished,
    servicesRated: services.rated,
    ratedShare: share(services.rated, services.finished),
    ratings: ratings.n,
    satisfied: ratings.satisfied,
    satisfiedShare: share(ratings.satisfied, ratings.n),
    bad: ratings.bad,
    ordersDue: orders.due,
    ordersClosed: orders.closed,
    rectifiedShare: share(orders.closed, orders.due),
    realNameBad: realName.n,
    realNameCalledBack: realName.calledBack,
    calledBackShare: share(realName.calledBack, realName.n),
  };
}

/** An open order's next deadline: the call-back's until it is made, then the rectification's. */
const SOONEST_DUE = sql`min(o.rectify_due, CASE WHEN o.callback_at IS NULL THEN o.callback_due ELSE o.rectify_due END)`;

/** The open work orders, the soonest due first; only the twenty shown are joined to their ratings. */
export function openOrders(db: Db): { orders: Array<{ id: number; level: number; callbackDue: string; rectifyDue: string; calledBack: boolean; windowNumber: number | null; caseNo: string | null }>; count: number } {
  const rows = all<{ id: number; level: number; callbackDue: string; rectifyDue: string; calledBack: number; windowNumber: number | null; caseNo: string | null }>(
    db,
    sql`SELECT o.id, r.level, o.callback_due AS callbackDue, o.rectify_due AS rectifyDue, o.callback_at IS NOT NULL AS calledBack, w.number AS windowNumber, c.case_no AS caseNo
        FROM (SELECT * FROM rating_work_orders o WHERE o.closed_at IS NULL ORDER BY ${SOONEST_DUE}, o.id LIMIT 20) o
        JOIN ratings r ON r.id = o.rating_id LEFT JOIN windows w ON w.id = r.window_id LEFT JOIN cases c ON c.id = r.case_id
        ORDER BY ${SOONEST_DUE}, o.id`,
  );
  const count = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM rating_work_orders WHERE closed_at IS NULL`)!.n;
  return { orders: rows.map((r) => ({ ...r, calledBack: r.calledBack === 1 })), count };
}
