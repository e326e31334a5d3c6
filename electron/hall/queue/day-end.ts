// Day end (DOMAIN §7): tickets still open from a past business day are expired, never lost, and the
// day's figures per category are kept for reports and the county upload.
import type { Db } from '../../../db/connection.js';
import { all, run, sql, type SqlFragment } from '../../../db/sql.js';
import type { DailyFigures } from '../../contract/queue.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { SYSTEM_ACTOR } from '../http/principal.js';
import { storeDaySums } from '../reports/queue-report.js';
import { enqueueQueueDailyRecord } from '../sync/payloads.js';
import { minutesBetween } from './business-day.js';
import { today } from './tickets.js';

/** Nearest-rank percentile of unsorted values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

interface DayTicket {
  category_id: number;
  seq: number | null;
  status: string;
  issued_at: string;
  called_at: string | null;
  serving_at: string | null;
  finished_at: string | null;
}

/** The figures of one day per category, from its tickets (open tickets count as they stand). */
export function dayFigures(db: Db, day: string): Map<number, Omit<DailyFigures, 'categoryCode' | 'categoryName' | 'closed'>> {
  const tickets = all<DayTicket>(db, sql`SELECT category_id, seq, status, issued_at, called_at, serving_at, finished_at FROM tickets WHERE business_day = ${day}`);
  const byCategory = new Map<number, DayTicket[]>();
  for (const t of tickets) byCategory.set(t.category_id, [...(byCategory.get(t.category_id) ?? []), t]);
  const result = new Map<number, Omit<DailyFigures, 'categoryCode' | 'categoryName' | 'closed'>>();
  for (const [categoryId, list] of byCategory) {
    const served = list.filter((t) => t.status === 'done');
    // Wait per visit leg: a transfer's linked ticket keeps the arrival time for its place in the
    // queue, but its wait starts when it was queued (issued_at), not again at the citizen's arrival.
    const waits = list.filter((t) => t.called_at).map((t) => minutesBetween(t.issued_at, t.called_at!));
    const services = served.filter((t) => t.serving_at && t.finished_at).map((t) => minutesBetween(t.serving_at!, t.finished_at!));
    result.set(categoryId, {
      businessDay: day,
      // A transfer's linked ticket is not a new citizen: only numbered tickets count as issued.
      issued: list.filter((t) => t.seq !== null).length,
      served: served.length,
      noShow: list.filter((t) => t.status === 'no_show').length,
      cancelled: list.filter((t) => t.status === 'cancelled').length,
      expired: list.filter((t) => t.status === 'expired').length,
      avgWaitMinutes: round1(mean(waits)),
      p90WaitMinutes: round1(percentile(waits, 90)),
      avgServiceMinutes: round1(mean(services)),
      p90ServiceMinutes: round1(percentile(services, 90)),
    });
  }
  return result;
}

/**
 * The business days before `current` that still have open tickets, or have tickets and no figures yet,
 * oldest first. The day end asks every minute on the event loop, so this reads no past ticket it does
 * not need: open tickets through their partial indexes (waiting; called or serving: a few rows), and
 * the days that have tickets by one index seek per day, newest first (a year is about 250 days; reading
 * every past ticket instead took 1.7 s a minute on a busy hall's year of 5M tickets).
 */
export function daysToClose(db: Db, current: string): string[] {
  return all<{ day: string }>(db, daysToCloseQuery(current)).map((r) => r.day);
}

/** daysToClose's statement (its plan is tested). */
export function daysToCloseQuery(current: string): SqlFragment {
  return sql`WITH RECURSIVE ticket_days(day) AS (
          SELECT max(business_day) FROM tickets WHERE business_day < ${current}
          UNION ALL
          SELECT (SELECT max(business_day) FROM tickets WHERE business_day < ticket_days.day) FROM ticket_days WHERE day IS NOT NULL
        )
        SELECT day FROM ticket_days
          WHERE day IS NOT NULL AND NOT EXISTS (SELECT 1 FROM queue_daily d WHERE d.business_day = ticket_days.day)
        UNION
        SELECT business_day FROM tickets INDEXED BY tickets_waiting WHERE status = 'waiting' AND business_day < ${current}
        UNION
        SELECT business_day FROM tickets INDEXED BY tickets_one_active_per_window
          WHERE status IN ('called', 'serving') AND business_day < ${current}
        ORDER BY 1`;
}

/** Closes every day daysToClose names. Returns the days closed. */
export function closePastDays(db: Db, clock: Clock): string[] {
  const days = daysToClose(db, today(db, clock));
  for (const day of days) closeDay(db, clock, day);
  return days;
}

export function closeDay(db: Db, clock: Clock, day: string): void {
  db.transaction(() => {
    const now = clock.now();
    const open = all<{ id: number; number: string; status: string; window_id: number | null }>(
      db,
      sql`SELECT id, number, status, window_id FROM tickets WHERE business_day = ${day} AND status IN ('waiting', 'called', 'serving') ORDER BY id`,
    );
    const expired = run(
      db,
      sql`UPDATE tickets SET status = 'expired', finished_at = ${now.toISOString()}
          WHERE business_day = ${day} AND status IN ('waiting', 'called', 'serving')`,
    ).changes;
    // Each expired ticket has its own record, found by the ticket like every other change to it.
    for (const t of open) {
      appendAudit(db, SYSTEM_ACTOR, now, { action: 'ticket-expire', entity: 'ticket', entityId: t.id, before: t.status, after: 'expired', detail: { number: t.number, businessDay: day, windowId: t.window_id } });
    }
    const figures = dayFigures(db, day);
    for (const [categoryId, f] of figures) {
      run(
        db,
        sql`INSERT INTO queue_daily (business_day, category_id, issued, served, no_show, cancelled, expired,
                                     avg_wait_minutes, p90_wait_minutes, avg_service_minutes, p90_service_minutes, closed_at)
            VALUES (${day}, ${categoryId}, ${f.issued}, ${f.served}, ${f.noShow}, ${f.cancelled}, ${f.expired},
                    ${f.avgWaitMinutes}, ${f.p90WaitMinutes}, ${f.avgServiceMinutes}, ${f.p90ServiceMinutes}, ${now.toISOString()})
            ON CONFLICT (business_day, category_id) DO UPDATE SET issued = excluded.issued, served = excluded.served,
              no_show = excluded.no_show, cancelled = excluded.cancelled, expired = excluded.expired,
              avg_wait_minutes = excluded.avg_wait_minutes, p90_wait_minutes = excluded.p90_wait_minutes,
              avg_service_minutes = excluded.avg_service_minutes, p90_service_minutes = excluded.p90_service_minutes,
              closed_at = excluded.closed_at`,
      );
    }
    storeDaySums(db, day);
    // The county gets the day's figures in the same transaction (DESIGN §7: business row + outbox row).
    const categories = new Map(all<{ id: number; code: string; name: string }>(db, sql`SELECT id, code, name FROM queue_categories`).map((c) => [c.id, c]));
    enqueueQueueDailyRecord(db, day, now, [...figures].map(([categoryId, { businessDay: _day, ...f }]) => ({
      code: categories.get(categoryId)?.code ?? String(categoryId),
      name: categories.get(categoryId)?.name ?? '',
      ...f,
    })));
    // Windows start the new day closed; clerks sign in again.
    run(db, sql`UPDATE windows SET status = 'closed', clerk_id = NULL WHERE status <> 'closed' AND NOT EXISTS (
                  SELECT 1 FROM tickets t WHERE t.window_id = windows.id AND t.status IN ('called', 'serving'))`);
    appendAudit(db, SYSTEM_ACTOR, now, { action: 'queue-day-close', entity: 'queue-day', entityId: day, detail: { expired, tickets: open.map((t) => t.number) } });
  }).immediate();
}

export function dailyFigures(db: Db, clock: Clock, day: string): DailyFigures[] {
  const closed = day < today(db, clock);
  if (closed) {
    return all<{ business_day: string; code: string; name: string; issued: number; served: number; no_show: number; cancelled: number; expired: number; avg_wait_minutes: number | null; p90_wait_minutes: number | null; avg_service_minutes: number | null; p90_service_minutes: number | null }>(
      db,
      sql`SELECT d.*, c.code, c.name FROM queue_daily d JOIN queue_categories c ON c.id = d.category_id
          WHERE d.business_day = ${day} ORDER BY c.sort_order, c.code`,
    ).map((r) => ({
      businessDay: r.business_day,
      categoryCode: r.code,
      categoryName: r.name,
      issued: r.issued,
      served: r.served,
      noShow: r.no_show,
      cancelled: r.cancelled,
      expired: r.expired,
      avgWaitMinutes: r.avg_wait_minutes,
      p90WaitMinutes: r.p90_wait_minutes,
      avgServiceMinutes: r.avg_service_minutes,
      p90ServiceMinutes: r.p90_service_minutes,
      closed: true,
    }));
  }
  const names = new Map(all<{ id: number; code: string; name: string }>(db, sql`SELECT id, code, name FROM queue_categories`).map((c) => [c.id, c]));
  return [...dayFigures(db, day)].map(([id, f]) => ({ ...f, categoryCode: names.get(id)!.code, categoryName: names.get(id)!.name, closed: false }));
}
