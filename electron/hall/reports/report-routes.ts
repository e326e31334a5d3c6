// GET /reports/queue: the queue's figures per category per day over a range, computed from the
// tickets in a report worker so a long range never holds up the queue.
import { QueueReport, QueueReportQuery } from '../../contract/reports.js';
import type { HallContext } from '../context.js';
import type { ReadPool } from './read-pool.js';
import { checkRange, inPool, registerDashboardRoutes } from '../dashboard/dashboard-routes.js';

export function registerReportRoutes(hall: HallContext, pool: ReadPool): void {
  registerDashboardRoutes(hall, pool);
  hall.route({
    method: 'GET', url: '/reports/queue', tag: 'reports', summary: 'Issued, served, no-shows, average wait and service per category per day',
    allow: ['supervisor', 'admin'], query: QueueReportQuery, response: QueueReport,
    handler: async ({ query, request }): Promise<QueueReport> => {
      checkRange(query);
      return inPool(pool, 'queue', { from: query.from, to: query.to }, request);
    },
  });
}
