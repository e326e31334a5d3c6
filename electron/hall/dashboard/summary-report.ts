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
import { COUNTED_RATING, ratingsByDay } from './rating-figures.js';

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
 * by `key` (an expression over the case `c` and the village `v`); one row for the whole when `key` is a constant.
 */
function caseGroups(db: Db, from: string, to: string, key: SqlFragment, label: SqlFragment): CaseGroup[] {
  const inRange = (column: SqlFragment) => sql`(${column} BETWEEN ${from} AND ${to})`;
  const cases = all<CaseCounts & { key: string | number | null; label: string | null }>(
    db,
    sql`SELECT ${key} AS key, ${label} AS label,
               coalesce(sum(${inRange(sql`c.business_day`)}), 0) AS received,
               coalesce(sum(${inRange(sql`c.accepted_day`)}), 0) AS accepted,
               coalesce(sum(${inRange(sql`c.concluded_day`)}), 0) AS concluded,
               coalesce(sum(${inRange(sql`c.concluded_day`)} AND (c.due_date IS NULL OR c.concluded_day <= c.due_date)), 0) AS concludedOnTime
        FROM cases c LEFT JOIN villages v ON v.code = c.village_code
        WHERE ${REAL_CASES} AND (${inRange(sql`c.business_day`)} OR ${inRange(sql`c.accepted_day`)} OR ${inRange(sql`c.concluded_day`)})
        GROUP BY ${key}`,
  );
  const rated = all<RatingCounts & { key: string | number | null; label: string | null }>(
    db,
    sql`SELECT ${key} AS key, ${label} AS label, count(*) AS ratings, coalesce(sum(r.level >= 3), 0) AS satisfied
        FROM ratings r INDEXED BY ratings_case_day JOIN cases c ON c.id = r.case_id LEFT JOIN villages v ON v.code = c.village_code
        WHERE r.business_day BETWEEN ${from} AND ${to} AND r.case_id IS NOT NULL AND ${COUNTED_RATING}
        GROUP BY ${key}`,
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
      byItem: groups(sql`c.item_code`, sql`max(c.item_name)`),
      byVillage: groups(sql`c.village_code`, sql`max(v.name)`),
      caseTotals,
    };
  })();
}
