// GET /reports/queue: the queue's figures per category per day over a range, computed from the
// tickets in a report worker so a long range never holds up the queue.
import { QueueReport, QueueReportQuery, REPORT_MAX_DAYS } from '../../contract/reports.js';
import type { HallContext } from '../context.js';
import { HallError, validationError } from '../http/errors.js';
import { ReportError, type ReadPool } from './read-pool.js';
import { registerDashboardRoutes } from '../dashboard/dashboard-routes.js';

const DAY_MS = 86_400_000;

export function registerReportRoutes(hall: HallContext, pool: ReadPool): void {
  registerDashboardRoutes(hall, pool);
  hall.route({
    method: 'GET', url: '/reports/queue', tag: 'reports', summary: 'Issued, served, no-shows, average wait and service per category per day',
    allow: ['supervisor', 'admin'], query: QueueReportQuery, response: QueueReport,
    handler: async ({ query }): Promise<QueueReport> => {
      const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS + 1;
      if (days < 1 || days > REPORT_MAX_DAYS) throw validationError([{ field: 'to', code: 'date_range', params: { max: REPORT_MAX_DAYS } }]);
      try {
        return { from: query.from, to: query.to, ...(await pool.run('queue', { from: query.from, to: query.to })) };
      } catch (err) {
        // Too slow or too many at once is the host being busy, not broken: the caller may try again.
        if (err instanceof ReportError && err.reason !== 'failed') throw new HallError('unavailable', 'report_busy', {}, { reason: err.reason });
        throw err;
      }
    },
  });
}
