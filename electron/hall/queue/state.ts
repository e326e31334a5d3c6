// The public picture of the queue: waiting per category, the calls now and the last calls. Read by
// the kiosk, the display and the counters; it holds no personal data.
import type { Db } from '../../../db/connection.js';
import { all, sql } from '../../../db/sql.js';
import type { CallEntry, QueueState } from '../../contract/queue.js';
import type { Clock } from '../clock.js';
import { getSetting } from '../settings/service.js';
import { workingCalendar } from '../calendar/service.js';
import { isOpenAt, nextOpening } from './opening.js';
import { queueSettings } from './settings.js';
import { waitingByCategory } from './events.js';
import { today } from './tickets.js';

const RECENT_CALLS = 10;

interface CallRow {
  ticket_id: number;
  number: string;
  window_number: number;
  window_name: string;
  called_at: string;
  call_count: number;
  status: string;
}

const toCall = (r: CallRow): CallEntry => ({
  ticketId: r.ticket_id,
  number: r.number,
  windowNumber: r.window_number,
  windowName: r.window_name,
  calledAt: r.called_at,
  callCount: r.call_count,
});

export function queueState(db: Db, clock: Clock): QueueState {
  const day = today(db, clock);
  const settings = queueSettings(db);
  const waiting = waitingByCategory(db, clock);
  const categories = all<{ code: string; name: string; description: string; priority_allowed: number; sold_out: number }>(
    db,
    sql`SELECT c.code, c.name, c.description, c.priority_allowed,
               coalesce((SELECT n.last_seq >= c.daily_limit FROM queue_numbers n WHERE n.category_id = c.id AND n.business_day = ${day}), 0) AS sold_out
        FROM queue_categories c WHERE c.active = 1 ORDER BY c.sort_order, c.code`,
  );
  const calls = all<CallRow>(
    db,
    sql`SELECT t.id AS ticket_id, t.number, w.number AS window_number, w.name AS window_name, t.called_at, t.call_count, t.status
        FROM tickets t JOIN windows w ON w.id = t.window_id
        WHERE t.business_day = ${day} AND t.called_at IS NOT NULL
        ORDER BY t.called_at DESC, t.id DESC LIMIT ${RECENT_CALLS}`,
  );
  const timeZone = getSetting(db, 'hall.timeZone');
  const calendar = workingCalendar(db);
  const open = isOpenAt(clock.now(), timeZone, settings, calendar);
  return {
    businessDay: day,
    open,
    nextOpen: open ? null : nextOpening(clock.now(), timeZone, settings, calendar),
    categories: categories.map((c) => ({
      code: c.code,
      name: c.name,
      description: c.description,
      waiting: waiting[c.code] ?? 0,
      priorityAllowed: c.priority_allowed === 1,
      soldOut: c.sold_out === 1,
    })),
    calling: calls.filter((c) => c.status === 'called').map(toCall),
    recent: calls.map(toCall),
    notice: settings.noticeLine,
  };
}
