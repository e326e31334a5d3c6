// The only SQL the report workers run: a fixed map from report name to query. A request names a
// report and passes bound parameters; SQL text never comes from outside this file.
import type { Db } from '../../../db/connection.js';
import { get, sql } from '../../../db/sql.js';
import { dashboardFigures } from '../dashboard/dashboard-figures.js';
import { ratingReport } from '../dashboard/rating-report.js';
import { summaryReport } from '../dashboard/summary-report.js';
import { queueReport } from './queue-report.js';

/** Longest count `load-test` accepts: about seven seconds of one core. */
const LOAD_TEST_MAX = 50_000_000;

export const REPORTS = {
  /** One read transaction: the days, categories and totals come from the same snapshot and so add up. */
  queue: (db: Db, p: { from: string; to: string }) => db.transaction(() => queueReport(db, p.from, p.to))(),

  /** The command centre's figures now (DOMAIN §8). */
  dashboard: (db: Db, p: { now: string }) => dashboardFigures(db, new Date(p.now)),

  /** The satisfaction report over a range of hall days, in total and by window, clerk and channel. */
  ratings: (db: Db, p: { from: string; to: string }) => ratingReport(db, p.from, p.to),

  /** Every day of a range (the month report's rows), and cases with their ratings by item and by village. */
  summary: (db: Db, p: { from: string; to: string; now: string }) => summaryReport(db, p),

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
