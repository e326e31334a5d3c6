// What the queue tells the screens after each change commits. Every ticket event carries the
// waiting count per category, so kiosks and counters stay current without reloading (read once per
// group commit: hub.ts, Summary).
import type { Db } from '../../../db/connection.js';
import { all, sql } from '../../../db/sql.js';
import type { Clock } from '../clock.js';
import type { EventHub } from '../events/hub.js';
import { today, type TicketRow } from './tickets.js';

export function waitingByCategory(db: Db, clock: Clock): Record<string, number> {
  const rows = all<{ code: string; waiting: number }>(
    db,
    // The day's counters (migration 20): one row per category, however long the queue.
    sql`SELECT c.code, coalesce(n.waiting, 0) AS waiting FROM queue_categories c
        LEFT JOIN queue_numbers n ON n.category_id = c.id AND n.business_day = ${today(db, clock)}
        WHERE c.active = 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.waiting]));
}

export function publishTicket(events: EventHub, db: Db, clock: Clock, type: string, t: TicketRow, extra: Record<string, unknown> = {}): void {
  const waiting = { key: 'queue.waiting', read: () => ({ waiting: waitingByCategory(db, clock) }) };
  events.publish(type, {
    ticketId: t.id,
    number: t.number,
    categoryCode: t.category_code,
    status: t.status,
    windowId: t.window_id,
    windowNumber: t.window_number,
    windowName: t.window_name,
    calledAt: t.called_at,
    callCount: t.call_count,
    ...extra,
  }, 'all', waiting);
}
