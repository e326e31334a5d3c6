// The satisfaction report (满意度报表) over a range of hall days: the indicators of DOMAIN §8 in total,
// and the ratings by window, clerk and channel. Counted ratings only (no upheld appeals, no examples),
// from the day sums of migration 16.
import type { Db } from '../../../db/connection.js';
import { all, sql } from '../../../db/sql.js';
import type { RatingReport, RatingGroup } from '../../contract/dashboard.js';
import { share } from './period.js';
import { ratingFigures } from './rating-figures.js';

interface Cell {
  windowNumber: number | null;
  windowName: string | null;
  clerkId: number | null;
  clerkName: string | null;
  channel: string;
  ratings: number;
  satisfied: number;
  bad: number;
}

/** Cells added up by one key, largest first and then by key (nulls first), as the report lists them. */
function groupBy(cells: readonly Cell[], key: (c: Cell) => string | number | null, label: (c: Cell) => string | null): RatingGroup[] {
  const groups = new Map<string | number | null, { key: string | number | null; label: string | null; ratings: number; satisfied: number; bad: number }>();
  for (const c of cells) {
    const k = key(c);
    const g = groups.get(k) ?? { key: k, label: null, ratings: 0, satisfied: 0, bad: 0 };
    const l = label(c);
    if (l !== null && (g.label === null || l > g.label)) g.label = l;
    g.ratings += c.ratings;
    g.satisfied += c.satisfied;
    g.bad += c.bad;
    groups.set(k, g);
  }
  const order = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  return [...groups.values()]
    .sort((a, b) => b.ratings - a.ratings || order(a.key, b.key))
    .map((g) => ({ key: g.key === null ? null : String(g.key), label: g.label, ratings: g.ratings, satisfied: g.satisfied, bad: g.bad, satisfiedShare: share(g.satisfied, g.ratings) }));
}

export function ratingReport(db: Db, from: string, to: string): RatingReport {
  return db.transaction((): RatingReport => {
    // The period's day sums by window, clerk and channel together (0: none); each grouping adds these up.
    const cells = all<Cell>(
      db,
      sql`SELECT w.number AS windowNumber, max(w.name) AS windowName, nullif(d.clerk_id, 0) AS clerkId, max(u.display_name) AS clerkName, d.channel,
                 sum(d.ratings) AS ratings, sum(d.satisfied) AS satisfied, sum(d.bad) AS bad
          FROM rating_daily d LEFT JOIN windows w ON w.id = d.window_id LEFT JOIN users u ON u.id = d.clerk_id
          WHERE d.business_day BETWEEN ${from} AND ${to}
          GROUP BY d.window_id, d.clerk_id, d.channel HAVING sum(d.ratings) > 0`,
    );
    return {
      from,
      to,
      totals: ratingFigures(db, { from, to }),
      byWindow: groupBy(cells, (c) => c.windowNumber, (c) => c.windowName),
      byClerk: groupBy(cells, (c) => c.clerkId, (c) => c.clerkName),
      byChannel: groupBy(cells, (c) => c.channel, (c) => c.channel),
    };
  })();
}
