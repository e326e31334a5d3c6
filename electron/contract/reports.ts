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

const Share = z.number().nullable();

/** Cases and their ratings in a group (an item, a village) or in total (DOMAIN §8; example items left out). */
const CaseFigures = {
  /** Cases received on a day of the range. */
  received: z.number().int(),
  accepted: z.number().int(),
  concluded: z.number().int(),
  /** Concluded on or before the due date (a case without a due date cannot be late). */
  concludedOnTime: z.number().int(),
  /** 按时办结率: concluded on time / concluded. */
  onTimeShare: Share,
  /** Counted ratings of these cases given in the range (no upheld appeals). */
  ratings: z.number().int(),
  satisfied: z.number().int(),
  satisfiedShare: Share,
};

export const CaseGroup = z.object({ key: z.string().nullable(), label: z.string().nullable(), ...CaseFigures });
export type CaseGroup = z.infer<typeof CaseGroup>;
export const CaseTotals = z.object(CaseFigures);
export type CaseTotals = z.infer<typeof CaseTotals>;

/** One hall day of a month or range: the queue, the cases and every counted rating of that day. */
export const SummaryDay = z.object({
  businessDay: z.string(),
  ...Figures,
  received: z.number().int(),
  accepted: z.number().int(),
  concluded: z.number().int(),
  ratings: z.number().int(),
  satisfied: z.number().int(),
  bad: z.number().int(),
  satisfiedShare: Share,
});
export type SummaryDay = z.infer<typeof SummaryDay>;

/**
 * The report's heading and its groupings beside the satisfaction and queue reports: every day of the
 * range (days without anything are rows of zeros), cases by item and by village, and the cases' totals.
 */
export const SummaryReport = z.object({
  from: z.string(),
  to: z.string(),
  hallName: z.string(),
  generatedAt: z.string(),
  days: z.array(SummaryDay),
  byItem: z.array(CaseGroup),
  byVillage: z.array(CaseGroup),
  caseTotals: CaseTotals,
});
export type SummaryReport = z.infer<typeof SummaryReport>;

/** 日报 for one day, 月报 for days of one month from its first, otherwise a report of the chosen range. */
export function reportKind(from: string, to: string): 'day' | 'month' | 'range' {
  if (from === to) return 'day';
  return from.endsWith('-01') && from.slice(0, 7) === to.slice(0, 7) ? 'month' : 'range';
}
