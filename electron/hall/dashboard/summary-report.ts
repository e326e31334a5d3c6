// The report's day rows and case groupings (DOMAIN §8) beside the satisfaction and queue reports:
// every hall day of the range with its queue, cases and ratings (the month report's one row per day),
// and cases with their ratings by item and by village. Example items and ratings removed by an upheld
// appeal count nowhere. Runs in a report worker (reports/report-queries.ts).
import type { Db } from '../../../db/connection.js';
import { all, sql, type SqlFragment } from '../../../db/sql.js';
import type { CaseGroup, CaseTotals, SummaryDay, SummaryReport } from '../../contract/reports.js';
import { queueFiguresByDay } from '../reports/queue-report.js';
import { getSetting } from '../settings/service.js';
import { caseDayCounts, REAL_CASES } from './case-figures.js';
import { nextDay, share } from './period.js';
import { ratingsByDay } from './rating-figures.js';

type CaseCounts = Pick<CaseTotals, 'received' | 'accepted' | 'concluded' | 'concludedOnTime'>;
type RatingCounts = { ratings: number; satisfied: number };

/** Every day `from` … `to` inclusive. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = nextDay(day)) days.push(day);
  return days;
}

function caseFigures(c: CaseCounts, r: RatingCounts): CaseTotals {
  return { ...c, onTimeShare: share(c.concludedOnTime, c.concluded), ...r, satisfiedShare: share(r.satisfied, r.ratings) };
}

/**
 * Cases received, accepted and concluded in the range, and their counted ratings given in it, grouped
 * by `key` (an expression over the day sums `c`: their item_code and village_code, '' for no village)
 * with its `label` (over them and the village `v`); one row for the whole when `key` is a constant. Both sides come from the day sums (case_daily, rating_case_daily: migration 19), so a
 * year reads a few thousand rows per day of it rather than every case.
 */
function caseGroups(db: Db, from: string, to: string, key: SqlFragment, label: SqlFragment): CaseGroup[] {
  const names = sql`LEFT JOIN villages v ON v.code = c.village_code`;
  const cases = all<CaseCounts & { key: string | number | null; label: string | null }>(
    db,
    sql`SELECT ${key} AS key, ${label} AS label, sum(c.received) AS received, sum(c.accepted) AS accepted,
               sum(c.concluded) AS concluded, sum(c.concluded_on_time) AS concludedOnTime
        FROM case_daily c ${names}
        WHERE c.day BETWEEN ${from} AND ${to} AND ${REAL_CASES}
        GROUP BY ${key} HAVING sum(c.received) + sum(c.accepted) + sum(c.concluded) > 0`,
  );
  const rated = all<RatingCounts & { key: string | number | null; label: string | null }>(
    db,
    sql`SELECT ${key} AS key, ${label} AS label, sum(c.ratings) AS ratings, sum(c.satisfied) AS satisfied
        FROM rating_case_daily c ${names}
        WHERE c.business_day BETWEEN ${from} AND ${to}
        GROUP BY ${key} HAVING sum(c.ratings) > 0`,
  );
  const groups = new Map<string, { key: string | null; label: string | null; c: CaseCounts; r: RatingCounts }>();
  const none: CaseCounts = { received: 0, accepted: 0, concluded: 0, concludedOnTime: 0 };
  const slot = (row: { key: string | number | null; label: string | null }) => {
    const id = String(row.key);
    if (!groups.has(id)) groups.set(id, { key: row.key === null ? null : String(row.key), label: row.label, c: none, r: { ratings: 0, satisfied: 0 } });
    return groups.get(id)!;
  };
  for (const row of cases) slot(row).c = { received: row.received, accepted: row.accepted, concluded: row.concluded, concludedOnTime: row.concludedOnTime };
  for (const row of rated) slot(row).r = { ratings: row.ratings, satisfied: row.satisfied };
  return [...groups.values()]
    .map((g) => ({ key: g.key, label: g.label, ...caseFigures(g.c, g.r) }))
    .sort((a, b) => b.received - a.received || b.concluded - a.concluded || b.ratings - a.ratings || String(a.key).localeCompare(String(b.key)));
}

/** The days' queue figures are the queue report's own (reports/queue-report.ts), so both count alike. */
export function summaryReport(db: Db, p: { from: string; to: string; now: string }): SummaryReport {
  return db.transaction((): SummaryReport => {
    const queue = queueFiguresByDay(db, p.from, p.to);
    const cases = new Map(caseDayCounts(db, p.from, p.to).map((d) => [d.day, d]));
    // A rating belongs to the hall day it was given on (its business_day).
    const ratings = new Map(ratingsByDay(db, p.from, p.to).map((d) => [d.day, d]));
    const dayRows = daysOf(p.from, p.to).map((day): SummaryDay => {
      const q = queue.get(day);
      const c = cases.get(day);
      const r = ratings.get(day) ?? { ratings: 0, satisfied: 0, bad: 0 };
      return {
        businessDay: day,
        issued: q?.issued ?? 0,
        served: q?.served ?? 0,
        noShow: q?.noShow ?? 0,
        avgWaitMinutes: q?.avgWaitMinutes ?? null,
        avgServiceMinutes: q?.avgServiceMinutes ?? null,
        received: c?.received ?? 0,
        accepted: c?.accepted ?? 0,
        concluded: c?.concluded ?? 0,
        ratings: r.ratings,
        satisfied: r.satisfied,
        bad: r.bad,
        satisfiedShare: share(r.satisfied, r.ratings),
      };
    });
    const groups = (key: SqlFragment, label: SqlFragment) => caseGroups(db, p.from, p.to, key, label);
    const total = groups(sql`'all'`, sql`NULL`)[0];
    const { key: _key, label: _label, ...caseTotals } = total ?? { key: null, label: null, ...caseFigures({ received: 0, accepted: 0, concluded: 0, concludedOnTime: 0 }, { ratings: 0, satisfied: 0 }) };
    return {
      from: p.from,
      to: p.to,
      hallName: getSetting(db, 'hall.name'),
      generatedAt: p.now,
      days: dayRows,
      // An item is named as its cases last named it (a case keeps the name it was taken in under).
      byItem: groups(sql`c.item_code`, sql`(SELECT x.item_name FROM cases x INDEXED BY cases_item WHERE x.item_code = c.item_code ORDER BY x.received_at DESC LIMIT 1)`),
      byVillage: groups(sql`nullif(c.village_code, '')`, sql`max(v.name)`),
      caseTotals,
    };
  })();
}
