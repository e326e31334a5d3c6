// Reports for the supervisor and the admin (DESIGN §6 `GET /reports/...`). Shared with the renderer.
import { z } from 'zod';

/** A calendar day `YYYY-MM-DD` that exists (no 2026-02-30). */
export const DayString = z.string().refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const day = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === s;
}, { params: { reason: 'date_format' } });

/** The longest range one report request may cover. */
export const REPORT_MAX_DAYS = 366;

export const QueueReportQuery = z.object({ from: DayString, to: DayString });
export type QueueReportQuery = z.infer<typeof QueueReportQuery>;

const Figures = {
  /** Numbered tickets; a transfer's linked ticket is the same citizen and is not counted again. */
  issued: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  /** Arrival to first call, over the tickets that were called; minutes, one decimal. */
  avgWaitMinutes: z.number().nullable(),
  /** Start to completion, over the tickets served. */
  avgServiceMinutes: z.number().nullable(),
};

export const QueueReportDay = z.object({ businessDay: z.string(), categoryCode: z.string(), categoryName: z.string(), ...Figures });
export type QueueReportDay = z.infer<typeof QueueReportDay>;
export const QueueReportCategory = z.object({ categoryCode: z.string(), categoryName: z.string(), ...Figures });
export type QueueReportCategory = z.infer<typeof QueueReportCategory>;
export const QueueReportTotals = z.object(Figures);
export type QueueReportTotals = z.infer<typeof QueueReportTotals>;

/** Per category per day, per category over the range, and the whole range; days without tickets are left out. */
export const QueueReport = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(QueueReportDay),
  categories: z.array(QueueReportCategory),
  totals: QueueReportTotals,
});
export type QueueReport = z.infer<typeof QueueReport>;
