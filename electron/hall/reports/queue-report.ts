// The queue report (GET /reports/queue): per category per day, per category, and the whole range.
// One pass over the tickets gives exact sums per day and category (waits and services in whole
// milliseconds, so adding them up loses nothing); the categories and the totals are those sums added
// up here, not two more passes over a year of tickets.
import type { Db } from '../../../db/connection.js';
import { all, run, sql } from '../../../db/sql.js';
import type { QueueReport, QueueReportTotals } from '../../contract/reports.js';
import { nextDay, round1 } from '../dashboard/period.js';

/** Exact sums of one day and category: the counts, and wait and service in milliseconds with how many legs each covers. */
export interface QueueDaySums {
  businessDay: string;
  categoryId: number;
  issued: number;
  served: number;
  noShow: number;
  called: number;
  waitMs: number;
  serviced: number;
  serviceMs: number;
}

// Instants as whole milliseconds (the stored ISO times carry milliseconds, no finer).
const CALLED_MS = sql`CAST(round(unixepoch(t.called_at, 'subsec') * 1000) AS INTEGER)`;
const ISSUED_MS = sql`CAST(round(unixepoch(t.issued_at, 'subsec') * 1000) AS INTEGER)`;
const SERVING_MS = sql`CAST(round(unixepoch(t.serving_at, 'subsec') * 1000) AS INTEGER)`;
const FINISHED_MS = sql`CAST(round(unixepoch(t.finished_at, 'subsec') * 1000) AS INTEGER)`;
const SERVICED = sql`t.status = 'done' AND t.serving_at IS NOT NULL AND t.finished_at IS NOT NULL`;

/**
 * The same definitions as the day-end figures (queue/day-end.ts): issued counts numbered tickets only
 * (a transfer's linked ticket is the same citizen); the wait of a leg runs from when it was queued
 * (issued_at; for a transfer, the transfer) to its first call; service from start to completion.
 */
export const QUEUE_DAY_SUMS = sql`
  count(t.seq) AS issued,
  coalesce(sum(t.status = 'done'), 0) AS served,
  coalesce(sum(t.status = 'no_show'), 0) AS noShow,
  count(t.called_at) AS called,
  coalesce(sum(CASE WHEN t.called_at IS NOT NULL THEN ${CALLED_MS} - ${ISSUED_MS} END), 0) AS waitMs,
  coalesce(sum(${SERVICED}), 0) AS serviced,
  coalesce(sum(CASE WHEN ${SERVICED} THEN ${FINISHED_MS} - ${SERVING_MS} END), 0) AS serviceMs`;

/** Sums per day and category straight from the tickets of `from` … `to`. */
export function ticketDaySums(db: Db, from: string, to: string): QueueDaySums[] {
  return all<QueueDaySums>(
    db,
    sql`SELECT t.business_day AS businessDay, t.category_id AS categoryId, ${QUEUE_DAY_SUMS}
        FROM tickets t WHERE t.business_day BETWEEN ${from} AND ${to} GROUP BY t.business_day, t.category_id`,
  );
}

type Sums = Omit<QueueDaySums, 'businessDay' | 'categoryId'>;
const ZERO: Sums = { issued: 0, served: 0, noShow: 0, called: 0, waitMs: 0, serviced: 0, serviceMs: 0 };

function add(a: Sums, b: Sums): Sums {
  return { issued: a.issued + b.issued, served: a.served + b.served, noShow: a.noShow + b.noShow, called: a.called + b.called, waitMs: a.waitMs + b.waitMs, serviced: a.serviced + b.serviced, serviceMs: a.serviceMs + b.serviceMs };
}

function figures(s: Sums): QueueReportTotals {
  return {
    issued: s.issued,
    served: s.served,
    noShow: s.noShow,
    avgWaitMinutes: s.called === 0 ? null : round1(s.waitMs / s.called / 60_000),
    avgServiceMinutes: s.serviced === 0 ? null : round1(s.serviceMs / s.serviced / 60_000),
  };
}

/** The report from sums per day and category; days and categories in the hall's category order. */
export function queueReportFrom(db: Db, from: string, to: string, sums: readonly QueueDaySums[]): QueueReport {
  const categories = all<{ id: number; code: string; name: string }>(db, sql`SELECT id, code, name FROM queue_categories ORDER BY sort_order, code`);
  const rank = new Map(categories.map((c, i) => [c.id, i]));
  const byCategory = new Map<number, Sums>();
  let totals = ZERO;
  for (const s of sums) {
    byCategory.set(s.categoryId, add(byCategory.get(s.categoryId) ?? ZERO, s));
    totals = add(totals, s);
  }
  const named = (id: number) => categories[rank.get(id)!]!;
  return {
    from,
    to,
    days: [...sums]
      .sort((a, b) => a.businessDay.localeCompare(b.businessDay) || rank.get(a.categoryId)! - rank.get(b.categoryId)!)
      .map((s) => ({ businessDay: s.businessDay, categoryCode: named(s.categoryId).code, categoryName: named(s.categoryId).name, ...figures(s) })),
    categories: categories.filter((c) => byCategory.has(c.id)).map((c) => ({ categoryCode: c.code, categoryName: c.name, ...figures(byCategory.get(c.id)!) })),
    totals: figures(totals),
  };
}

/** Keeps a closed day's sums beside its figures (queue/day-end.ts), in the day-end's transaction. */
export function storeDaySums(db: Db, day: string): void {
  run(
    db,
    sql`UPDATE queue_daily SET called = s.called, wait_ms = s.waitMs, serviced = s.serviced, service_ms = s.serviceMs
        FROM (SELECT t.category_id AS categoryId, ${QUEUE_DAY_SUMS} FROM tickets t WHERE t.business_day = ${day} GROUP BY t.category_id) AS s
        WHERE queue_daily.business_day = ${day} AND queue_daily.category_id = s.categoryId`,
  );
}

/**
 * Sums per day and category over `from` … `to`: a closed day's from its queue_daily rows (its tickets
 * can no longer change), every other day's (today, a day not closed yet, rows from before the sums
 * were kept) from its tickets, a run of such days in one query.
 */
export function queueDaySums(db: Db, from: string, to: string): QueueDaySums[] {
  const closed = all<QueueDaySums>(
    db,
    sql`SELECT d.business_day AS businessDay, d.category_id AS categoryId, d.issued, d.served, d.no_show AS noShow,
               d.called, d.wait_ms AS waitMs, d.serviced, d.service_ms AS serviceMs
        FROM queue_daily d WHERE d.business_day BETWEEN ${from} AND ${to}
          AND NOT EXISTS (SELECT 1 FROM queue_daily n WHERE n.business_day = d.business_day AND n.wait_ms IS NULL)`,
  );
  const closedDays = new Set(closed.map((c) => c.businessDay));
  const sums = [...closed];
  let runFrom: string | null = null;
  for (let day = from; day <= to; day = nextDay(day)) {
    if (!closedDays.has(day)) runFrom ??= day;
    const last = day === to || closedDays.has(nextDay(day));
    if (runFrom !== null && last) {
      sums.push(...ticketDaySums(db, runFrom, day));
      runFrom = null;
    }
  }
  return sums;
}

/** The queue figures of each day of `from` … `to` that had tickets, all categories together. */
export function queueFiguresByDay(db: Db, from: string, to: string): Map<string, QueueReportTotals> {
  const byDay = new Map<string, Sums>();
  for (const s of queueDaySums(db, from, to)) byDay.set(s.businessDay, add(byDay.get(s.businessDay) ?? ZERO, s));
  return new Map([...byDay].map(([day, sums]) => [day, figures(sums)]));
}

export function queueReport(db: Db, from: string, to: string): QueueReport {
  return queueReportFrom(db, from, to, queueDaySums(db, from, to));
}
