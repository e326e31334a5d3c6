// Ratings over a period of hall days (DOMAIN §8): 主动评价率, 满意率, 差评, 差评整改率, 实名差评回访率.
// A rating removed by an upheld appeal counts nowhere; ratings of example cases count nowhere.
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import type { RatingFigures } from '../../contract/dashboard.js';
import type { HallPeriod } from './period.js';
import { share } from './period.js';
import { REAL_CASES } from './case-figures.js';
import { queueDaySums } from '../reports/queue-report.js';

/** A rating that counts: not removed by an upheld appeal, not about an example item's case (a
 *  ticket's rating has no case, so the case is looked up for case ratings only). */
export const COUNTED_RATING = sql`NOT EXISTS (SELECT 1 FROM rating_work_orders o WHERE o.rating_id = r.id AND o.review_decision = 'upheld')
  AND (r.case_id IS NULL OR NOT EXISTS (SELECT 1 FROM cases c JOIN items i ON i.code = c.item_code WHERE c.id = r.case_id AND i.example = 1))`;

export function ratingFigures(db: Db, p: HallPeriod): RatingFigures {
  // Services finished in the period: tickets done (the days' sums: a closed day's kept count), and
  // case stages (受理, 办结) reached, by the day indexes. Rated: those with a counted rating, found
  // from the ratings — a rating comes after what it rates, so none before the period can count.
  const ticketsDone = queueDaySums(db, p.from, p.to).reduce((a, d) => a + d.served, 0);
  const stages = get<{ n: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM cases c WHERE c.accepted_day BETWEEN ${p.from} AND ${p.to} AND ${REAL_CASES})
             + (SELECT count(*) FROM cases c WHERE c.concluded_day BETWEEN ${p.from} AND ${p.to} AND ${REAL_CASES}) AS n`,
  )!.n;
  const rated = get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM ratings r
          LEFT JOIN tickets t INDEXED BY tickets_done_day ON t.id = r.ticket_id AND t.status = 'done'
          LEFT JOIN cases c ON c.id = r.case_id AND r.stage IS NOT NULL
        WHERE r.created_at >= ${p.start} AND ${COUNTED_RATING}
          AND (t.business_day BETWEEN ${p.from} AND ${p.to}
               OR (r.stage = 'accepted' AND c.accepted_day BETWEEN ${p.from} AND ${p.to} AND ${REAL_CASES})
               OR (r.stage = 'concluded' AND c.concluded_day BETWEEN ${p.from} AND ${p.to} AND ${REAL_CASES}))`,
  )!.n;
  const services = { finished: ticketsDone + stages, rated };
  const ratings = get<{ n: number; satisfied: number; bad: number }>(
    db,
    sql`SELECT count(*) AS n, coalesce(sum(r.level >= 3), 0) AS satisfied, coalesce(sum(r.level <= 2), 0) AS bad
        FROM ratings r WHERE r.created_at >= ${p.start} AND r.created_at < ${p.end} AND ${COUNTED_RATING}`,
  )!;
  const orders = get<{ due: number; closed: number }>(
    db,
    sql`SELECT count(*) AS due, coalesce(sum(o.outcome IN ('rectified', 'answered')), 0) AS closed
        FROM rating_work_orders o CROSS JOIN ratings r ON r.id = o.rating_id
        WHERE o.rectify_due BETWEEN ${p.from} AND ${p.to} AND ${COUNTED_RATING}`,
  )!;
  // CROSS JOIN keeps the work orders (a few per hundred ratings) as the outer loop: the planner would
  // otherwise walk every rating of the period through the covering index and look each one up.
  const realName = get<{ n: number; calledBack: number }>(
    db,
    sql`SELECT count(*) AS n, coalesce(sum(o.callback_at IS NOT NULL), 0) AS calledBack
        FROM rating_work_orders o CROSS JOIN ratings r ON r.id = o.rating_id
        WHERE o.real_name = 1 AND r.created_at >= ${p.start} AND r.created_at < ${p.end} AND ${COUNTED_RATING}`,
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

/** The open work orders, the soonest due first. */
export function openOrders(db: Db): { orders: Array<{ id: number; level: number; callbackDue: string; rectifyDue: string; calledBack: boolean; windowNumber: number | null; caseNo: string | null }>; count: number } {
  const rows = all<{ id: number; level: number; callbackDue: string; rectifyDue: string; calledBack: number; windowNumber: number | null; caseNo: string | null }>(
    db,
    sql`SELECT o.id, r.level, o.callback_due AS callbackDue, o.rectify_due AS rectifyDue, o.callback_at IS NOT NULL AS calledBack, w.number AS windowNumber, c.case_no AS caseNo
        FROM rating_work_orders o JOIN ratings r ON r.id = o.rating_id LEFT JOIN windows w ON w.id = r.window_id LEFT JOIN cases c ON c.id = r.case_id
        WHERE o.closed_at IS NULL ORDER BY min(o.rectify_due, CASE WHEN o.callback_at IS NULL THEN o.callback_due ELSE o.rectify_due END), o.id LIMIT 20`,
  );
  const count = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM rating_work_orders WHERE closed_at IS NULL`)!.n;
  return { orders: rows.map((r) => ({ ...r, calledBack: r.calledBack === 1 })), count };
}
