// The satisfaction report (满意度报表) over a range of hall days: the indicators of DOMAIN §8 in total,
// and the ratings by window, clerk and channel. Counted ratings only (no upheld appeals, no examples).
import type { Db } from '../../../db/connection.js';
import { all, sql, type SqlFragment } from '../../../db/sql.js';
import type { RatingReport, RatingGroup } from '../../contract/dashboard.js';
import { getSetting } from '../settings/service.js';
import { hallPeriod, share } from './period.js';
import { COUNTED_RATING, ratingFigures } from './rating-figures.js';

export function ratingReport(db: Db, from: string, to: string): RatingReport {
  return db.transaction((): RatingReport => {
    const p = hallPeriod(from, to, getSetting(db, 'hall.timeZone'));
    const by = (key: SqlFragment, label: SqlFragment, joins: SqlFragment): RatingGroup[] =>
      all<{ key: string | null; label: string | null; ratings: number; satisfied: number; bad: number }>(
        db,
        sql`SELECT ${key} AS key, ${label} AS label, count(*) AS ratings, coalesce(sum(r.level >= 3), 0) AS satisfied, coalesce(sum(r.level <= 2), 0) AS bad
            FROM ratings r ${joins} WHERE r.created_at >= ${p.start} AND r.created_at < ${p.end} AND ${COUNTED_RATING}
            GROUP BY ${key} ORDER BY ratings DESC, key`,
      ).map((g) => ({ key: g.key === null ? null : String(g.key), label: g.label, ratings: g.ratings, satisfied: g.satisfied, bad: g.bad, satisfiedShare: share(g.satisfied, g.ratings) }));
    return {
      from,
      to,
      totals: ratingFigures(db, p),
      byWindow: by(sql`w.number`, sql`max(w.name)`, sql`LEFT JOIN windows w ON w.id = r.window_id`),
      byClerk: by(sql`r.clerk_id`, sql`max(u.display_name)`, sql`LEFT JOIN users u ON u.id = r.clerk_id`),
      byChannel: by(sql`r.channel`, sql`r.channel`, sql``),
    };
  })();
}
