// The report's day rows and case groupings (DOMAIN §8) beside the satisfaction and queue reports:
// every hall day of the range with its queue, cases and ratings (the month report's one row per day),
// and cases with their ratings by item and by village. Example items and ratings removed by an upheld
// appeal count nowhere. Runs in a report worker (reports/report-queries.ts).
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
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

type Counts = CaseCounts & RatingCounts;
const COUNTS = ['received', 'accepted', 'concluded', 'concludedOnTime', 'ratings', 'satisfied'] as const;
const noCounts = (): Counts => ({ received: 0, accepted: 0, concluded: 0, concludedOnTime: 0, ratings: 0, satisfied: 0 });

/** Adds the counts `from` has to `into`. */
function addCounts(into: Counts, from: Partial<Counts>): void {
  for (const k of COUNTS) into[k] += from[k] ?? 0;
}

/** One item and village's cases and case ratings over the range ('' is no village). */
type Cell = Counts & { item: string; village: string };

/**
 * Cases received, accepted and concluded in the range, and their counted ratings given in it, per item
 * and village, from the day sums (case_daily, rating_case_daily: migration 19): a year reads a few
 * hundred thousand small rows once, and the totals and both groupings are added up from the cells.
 */
function caseCells(db: Db, from: string, to: string): Cell[] {
  const cells = new Map<string, Cell>();
  const cell = (item: string, village: string) => {
    const id = `${item}\u0000${village}`;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { item, village, ...noCounts() }));
    return c;
  };
  for (const row of all<CaseCounts & { item: string; village: string }>(
    db,
    sql`SELECT c.item_code AS item, c.village_code AS village, sum(c.received) AS received, sum(c.accepted) AS accepted,
               sum(c.concluded) AS concluded, sum(c.concluded_on_time) AS concludedOnTime
        FROM case_daily c WHERE c.day BETWEEN ${from} AND ${to} AND ${REAL_CASES} GROUP BY c.item_code, c.village_code`,
  )) {
    addCounts(cell(row.item, row.village), row);
  }
  for (const row of all<RatingCounts & { item: string; village: string }>(
    db,
    sql`SELECT c.item_code AS item, c.village_code AS village, sum(c.ratings) AS ratings, sum(c.satisfied) AS satisfied
        FROM rating_case_daily c WHERE c.business_day BETWEEN ${from} AND ${to} GROUP BY c.item_code, c.village_code`,
  )) {
    addCounts(cell(row.item, row.village), row);
  }
  return [...cells.values()].filter((c) => c.received + c.accepted + c.concluded + c.ratings > 0);
}

/** The cells added up per `keyOf`, named by `labelOf`, busiest first. */
function caseGroups(cells: readonly Cell[], keyOf: (c: Cell) => string | null, labelOf: (key: string | null) => string | null): CaseGroup[] {
  const sums = new Map<string | null, Counts>();
  for (const c of cells) {
    const key = keyOf(c);
    let g = sums.get(key);
    if (!g) sums.set(key, (g = noCounts()));
    addCounts(g, c);
  }
  return [...sums]
    .map(([key, g]) => ({ key, label: labelOf(key), ...caseFigures(g, g) }))
    .sort((a, b) => b.received - a.received || b.concluded - a.concluded || b.ratings - a.ratings || String(a.key).localeCompare(String(b.key)));
}

/** An item is named as its cases last named it (a case keeps the name it was taken in under). */
function itemNames(db: Db, codes: readonly string[]): Map<string, string | null> {
  return new Map(
    codes.map((code) => [
      code,
      get<{ name: string }>(db, sql`SELECT item_name AS name FROM cases INDEXED BY cases_item WHERE item_code = ${code} ORDER BY received_at DESC LIMIT 1`)?.name ?? null,
    ]),
  );
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
    const cells = caseCells(db, p.from, p.to);
    const items = itemNames(db, [...new Set(cells.map((c) => c.item))]);
    const villages = new Map(all<{ code: string; name: string }>(db, sql`SELECT code, name FROM villages`).map((v) => [v.code, v.name]));
    const [total] = caseGroups(cells, () => 'all', () => null);
    const { key: _key, label: _label, ...caseTotals } = total ?? { key: null, label: null, ...caseFigures(noCounts(), noCounts()) };
    return {
      from: p.from,
      to: p.to,
      hallName: getSetting(db, 'hall.name'),
      generatedAt: p.now,
      days: dayRows,
      byItem: caseGroups(cells, (c) => c.item, (code) => items.get(code!) ?? null),
      byVillage: caseGroups(cells, (c) => (c.village === '' ? null : c.village), (code) => (code === null ? null : villages.get(code) ?? null)),
      caseTotals,
    };
  })();
}
