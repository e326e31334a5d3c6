// GET /dashboard and GET /reports/ratings: the command centre's figures, computed in a report worker.
import type { FastifyRequest } from 'fastify';
import { Dashboard, RatingReport } from '../../contract/dashboard.js';
import { QueueReportQuery, REPORT_MAX_DAYS, SummaryReport } from '../../contract/reports.js';
import type { HallContext } from '../context.js';
import { HallError, validationError } from '../http/errors.js';
import { ReportError, type ReadPool } from '../reports/read-pool.js';
import type { ReportName, ReportParams, ReportResult } from '../reports/report-queries.js';
import { getSetting } from '../settings/service.js';
import { reportToXlsx } from './report-xlsx.js';

const DAY_MS = 86_400_000;

/**
 * Runs a report in the pool for one HTTP request: dropped or stopped when the request's client goes
 * away. Too slow or too many at once is the host being busy (503), not broken.
 */
export async function inPool<N extends ReportName>(pool: ReadPool, name: N, params: ReportParams<N>, request: FastifyRequest, options: { express?: boolean } = {}): Promise<ReportResult<N>> {
  try {
    return await pool.run(name, params, { signal: request.signal, express: options.express });
  } catch (err) {
    if (err instanceof ReportError && err.reason !== 'failed') throw new HallError('unavailable', 'report_busy', {}, { reason: err.reason });
    throw err;
  }
}

export function checkRange(query: { from: string; to: string }): void {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
  if (days < 1 || days > REPORT_MAX_DAYS) throw validationError([{ field: 'to', code: 'date_range', params: { max: REPORT_MAX_DAYS } }]);
}

export function registerDashboardRoutes(hall: HallContext, pool: ReadPool): void {
  hall.route({
    method: 'GET', url: '/dashboard', tag: 'reports', summary: "The command centre's figures now: queue, cases, ratings, work orders, upload (DOMAIN §8)",
    allow: ['supervisor', 'admin'], response: Dashboard,
    // The express slot: the dashboard never waits behind a year report (reports/read-pool.ts).
    handler: ({ request }) => inPool(pool, 'dashboard', { now: hall.clock.now().toISOString() }, request, { express: true }),
  });
  hall.route({
    method: 'GET', url: '/reports/ratings', tag: 'reports', summary: 'The satisfaction report over a range of hall days: the indicators, by window, clerk and channel',
    allow: ['supervisor', 'admin'], query: QueueReportQuery, response: RatingReport,
    handler: async ({ query, request }) => {
      checkRange(query);
      return inPool(pool, 'ratings', { from: query.from, to: query.to }, request);
    },
  });
  hall.route({
    method: 'GET', url: '/reports/summary', tag: 'reports', summary: 'Every day of a range (queue, cases, ratings), and cases with their ratings by item and by village',
    allow: ['supervisor', 'admin'], query: QueueReportQuery, response: SummaryReport,
    handler: async ({ query, request }) => {
      checkRange(query);
      return inPool(pool, 'summary', { from: query.from, to: query.to, now: hall.clock.now().toISOString() }, request);
    },
  });
  hall.route({
    method: 'GET', url: '/reports/ratings.xlsx', tag: 'reports', summary: 'The whole report as an xlsx file: indicators, days, queue, cases by item and village, ratings by window, clerk and channel (no personal data)',
    allow: ['supervisor', 'admin'], query: QueueReportQuery,
    handler: async ({ query, request, reply, lang }) => {
      checkRange(query);
      const range = { from: query.from, to: query.to };
      const [ratings, queue, summary] = await Promise.all([
        inPool(pool, 'ratings', range, request),
        inPool(pool, 'queue', range, request),
        inPool(pool, 'summary', { ...range, now: hall.clock.now().toISOString() }, request),
      ]);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="report-${query.from}-${query.to}.xlsx"`);
      return reportToXlsx(lang, getSetting(hall.db, 'hall.timeZone'), ratings, { ...range, ...queue }, summary);
    },
  });
}
