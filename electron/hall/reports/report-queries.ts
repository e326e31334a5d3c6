// The only SQL the report workers run: a fixed map from report name to query. A request names a
// report and passes bound parameters; SQL text never comes from outside this file.
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import type { QueueReportCategory, QueueReportDay, QueueReportTotals } from '../../contract/reports.js';
import { dashboardFigures } from '../dashboard/dashboard-figures.js';
import { ratingReport } from '../dashboard/rating-report.js';
import { summaryReport } from '../dashboard/summary-report.js';

// Wait per visit leg, from when the ticket was queued: a transfer's linked ticket keeps the citizen's
// arrival time for its place in the queue, and would otherwise count the first wait and service again.
const WAIT_MINUTES = sql`(unixepoch(called_at, 'subsec') - unixepoch(issued_at, 'subsec')) / 60.0`;
const SERVICE_MINUTES = sql`(unixepoch(finished_at, 'subsec') - unixepoch(serving_at, 'subsec')) / 60.0`;

// The same definitions as the day-end figures (queue/day-end.ts), computed in SQL over raw tickets so
// today and days not yet closed count too.
const FIGURES = sql`
  count(seq) AS issued,
  coalesce(sum(status = 'done'), 0) AS served,
  coalesce(sum(status = 'no_show'), 0) AS noShow,
  round(avg(CASE WHEN called_at IS NOT NULL THEN ${WAIT_MINUTES} END), 1) AS avgWaitMinutes,
  round(avg(CASE WHEN status = 'done' AND serving_at IS NOT NULL AND finished_at IS NOT NULL
                 THEN ${SERVICE_MINUTES} END), 1) AS avgServiceMinutes`;

/** Longest count `load-test` accepts: about seven seconds of one core. */
const LOAD_TEST_MAX = 50_000_000;

export const REPORTS = {
  queue: (db: Db, p: { from: string; to: string }) =>
    // One read transaction: the three parts come from the same snapshot and so add up.
    db.transaction(() => {
      const inRange = sql`FROM tickets t JOIN queue_categories c ON c.id = t.category_id WHERE t.business_day BETWEEN ${p.from} AND ${p.to}`;
      return {
        days: all<QueueReportDay>(
          db,
          sql`SELECT t.business_day AS businessDay, c.code AS categoryCode, c.name AS categoryName, ${FIGURES}
              ${inRange} GROUP BY t.business_day, t.category_id ORDER BY t.business_day, c.sort_order, c.code`,
        ),
        categories: all<QueueReportCategory>(
          db,
          sql`SELECT c.code AS categoryCode, c.name AS categoryName, ${FIGURES} ${inRange} GROUP BY t.category_id ORDER BY c.sort_order, c.code`,
        ),
        totals: get<QueueReportTotals>(db, sql`SELECT ${FIGURES} ${inRange}`)!,
      };
    })(),

  /** The command centre's figures now (DOMAIN §8). */
  dashboard: (db: Db, p: { now: string }) => dashboardFigures(db, new Date(p.now)),

  /** The satisfaction report over a range of hall days, in total and by window, clerk and channel. */
  ratings: (db: Db, p: { from: string; to: string }) => ratingReport(db, p.from, p.to),

  /** Every day of a range (the month report's rows), and cases with their ratings by item and by village. */
  summary: (db: Db, p: { from: string; to: string; now: string }) => summaryReport(db, p, FIGURES),

  /** Holds a worker busy for a known time; tests and benches use it, no route exposes it. */
  'load-test': (db: Db, p: { n: number }) =>
    get<{ n: number }>(
      db,
      sql`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ${Math.min(Math.max(1, Math.trunc(p.n)), LOAD_TEST_MAX)})
          SELECT count(*) AS n FROM c`,
    )!,
} satisfies Record<string, (db: Db, params: never) => unknown>;

export type Reports = typeof REPORTS;
export type ReportName = keyof Reports;
export type ReportParams<N extends ReportName> = Parameters<Reports[N]>[1];
export type ReportResult<N extends ReportName> = ReturnType<Reports[N]>;
