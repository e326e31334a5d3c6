// Tickets: issue at the kiosk, call at a window, and the actions of DOMAIN §7. Every function is one
// synchronous transaction over the database; the routes publish events after it commits.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql, type SqlFragment } from '../../../db/sql.js';
import type { IssueTicketRequest, NextOpening, PriorityKind, TicketStatus, TicketView, TransferTicketRequest } from '../../contract/queue.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { HallError, conflict, domainRule, notFound, validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { getSetting } from '../settings/service.js';
import { businessDayOf } from './business-day.js';
import { workingCalendar } from '../calendar/service.js';
import { isOpenAt, nextOpening } from './opening.js';
import { queueSettings } from './settings.js';
import { invalidAppointmentCode } from './appointments.js';
import { categoryByCode } from './setup-service.js';
import { estimateWait } from './wait-estimate.js';
import { guideSource, type GuideSource } from './issued-view.js';

export interface TicketRow {
  id: number;
  business_day: string;
  category_id: number;
  category_code: string;
  category_name: string;
  seq: number | null;
  number: string;
  priority: PriorityKind | null;
  priority_confirmed: number;
  status: TicketStatus;
  arrived_at: string;
  issued_at: string;
  called_at: string | null;
  serving_at: string | null;
  finished_at: string | null;
  call_count: number;
  window_id: number | null;
  window_number: number | null;
  window_name: string | null;
  target_window_id: number | null;
  clerk_id: number | null;
  transferred_from: number | null;
  items_handled: string;
}

export const TICKET_SELECT = sql`
  SELECT t.*, c.code AS category_code, c.name AS category_name, w.number AS window_number, w.name AS window_name
  FROM tickets t JOIN queue_categories c ON c.id = t.category_id LEFT JOIN windows w ON w.id = t.window_id`;

export const toTicketView = (r: TicketRow): TicketView => ({
  id: r.id,
  number: r.number,
  categoryCode: r.category_code,
  categoryName: r.category_name,
  status: r.status,
  priority: r.priority,
  priorityConfirmed: r.priority_confirmed === 1,
  businessDay: r.business_day,
  arrivedAt: r.arrived_at,
  issuedAt: r.issued_at,
  calledAt: r.called_at,
  servingAt: r.serving_at,
  finishedAt: r.finished_at,
  callCount: r.call_count,
  windowId: r.window_id,
  windowNumber: r.window_number,
  itemsHandled: JSON.parse(r.items_handled) as string[],
  transferredFrom: r.transferred_from,
});

export function findTicket(db: Db, id: number): TicketRow | undefined {
  return get<TicketRow>(db, sql`${TICKET_SELECT} WHERE t.id = ${id}`);
}

export function today(db: Db, clock: Clock): string {
  return businessDayOf(clock.now(), getSetting(db, 'hall.timeZone'));
}

export function formatNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

export interface Issued {
  ticket: TicketRow;
  ahead: number;
  estimatedWaitMinutes: number;
  /** True when this was a retry of a request already answered: the same ticket, nothing new. */
  replayed: boolean;
  /** The slip's guide link as the issue read it (its category and the queue settings), so the reply
   *  does not read them again (issued-view.ts). */
  guide: GuideSource;
}

/** Keys are the terminal's own: a device's key is scoped by the device (and the unique index), a
 *  clerk's by the user, so two terminals can never collide or read each other's tickets. */
function scopedIssueKey(actor: Actor, key: string | undefined): string | null {
  if (key === undefined || actor.id === null) return null;
  return actor.kind === 'device' ? key : `user-${actor.id}:${key}`;
}

function replayedIssue(db: Db, actor: Actor, issueKey: string, categoryCode: string | undefined): Issued | null {
  const device = actor.kind === 'device' ? actor.id : null;
  const row = get<{ id: number; category_code: string }>(
    db,
    sql`SELECT t.id, c.code AS category_code FROM tickets t JOIN queue_categories c ON c.id = t.category_id
        WHERE t.issue_key = ${issueKey} AND t.issued_by_device IS ${device}`,
  );
  if (!row) return null;
  // The same key for another request is a terminal bug, not a retry: refuse rather than guess.
  if (categoryCode !== undefined && categoryCode !== row.category_code) throw conflict('issue_key_reused');
  const ticket = findTicket(db, row.id)!;
  const ahead = ticket.status === 'waiting' ? peopleAhead(db, ticket) : 0;
  return { ticket, ahead, estimatedWaitMinutes: estimateWait(db, ticket.category_id, ahead), replayed: true, guide: guideSource(db, ticket.category_code) };
}

/** The refusal says when the hall opens next, in words (params) and for the kiosk (details). */
function outsideHours(next: NextOpening | null): HallError {
  if (!next) return new HallError('domain_rule', 'outside_hours_no_next', {}, { nextOpen: null });
  const params = { date: next.date, month: Number(next.date.slice(5, 7)), day: Number(next.date.slice(8, 10)), time: next.time };
  return new HallError('domain_rule', 'outside_hours', params, { nextOpen: next });
}

/** Gives the next number of a category for today. The ticket exists once this returns. */
export function issueTicket(db: Db, clock: Clock, actor: Actor, input: IssueTicketRequest): Issued {
  return db.transaction((): Issued => {
    const issueKey = scopedIssueKey(actor, input.issueKey);
    const replay = issueKey === null ? null : replayedIssue(db, actor, issueKey, input.categoryCode);
    if (replay) return replay;
    const now = clock.now();
    const timeZone = getSetting(db, 'hall.timeZone');
    const day = businessDayOf(now, timeZone);
    const settings = queueSettings(db);
    const calendar = workingCalendar(db);
    if (!isOpenAt(now, timeZone, settings, calendar)) throw outsideHours(nextOpening(now, timeZone, settings, calendar));
    let categoryCode = input.categoryCode;
    let priority: PriorityKind | null = input.priority ?? null;
    let appointmentId: number | null = null;
    if (input.appointmentCode) {
      const appointment = get<{ id: number; code: string; day: string; ticket_id: number | null; category_code: string }>(
        db,
        sql`SELECT a.id, a.code, a.day, a.ticket_id, c.code AS category_code FROM appointments a
            JOIN queue_categories c ON c.id = a.category_id WHERE a.code = ${input.appointmentCode}`,
      );
      // Unknown, another day's or used: one answer, so a guess learns nothing (appointments.ts).
      if (!appointment || appointment.day !== day || appointment.ticket_id !== null) throw invalidAppointmentCode();
      categoryCode = appointment.category_code;
      priority = 'appointment';
      appointmentId = appointment.id;
    }
    if (!categoryCode) throw validationError([{ field: 'categoryCode', code: 'required' }]);
    const category = categoryByCode(db, categoryCode);
    if (!category || !category.active) throw validationError([{ field: 'categoryCode', code: 'unknown_category', params: { code: categoryCode } }]);
    if (priority && priority !== 'appointment' && !category.priority_allowed) {
      throw domainRule('priority_not_allowed', { category: category.name });
    }
    const { last_seq: seq } = get<{ last_seq: number }>(
      db,
      sql`INSERT INTO queue_numbers (business_day, category_id, last_seq) VALUES (${day}, ${category.id}, 1)
          ON CONFLICT (business_day, category_id) DO UPDATE SET last_seq = last_seq + 1
          RETURNING last_seq`,
    )!;
    if (category.daily_limit !== null && seq > category.daily_limit) {
      throw domainRule('sold_out', { category: category.name, limit: category.daily_limit });
    }
    const nowIso = now.toISOString();
    // The new row as stored (RETURNING), with what TICKET_SELECT joins in: its category's code and
    // name, and no window yet; reading it back through the join cost a query per ticket.
    const inserted = get<Omit<TicketRow, 'category_code' | 'category_name' | 'window_number' | 'window_name'>>(
      db,
      sql`INSERT INTO tickets (business_day, category_id, seq, number, priority, priority_confirmed, status, arrived_at, issued_at,
                               appointment_id, issued_by_device, issue_key)
          VALUES (${day}, ${category.id}, ${seq}, ${formatNumber(category.prefix, seq)}, ${priority}, ${priority === 'appointment'},
                  'waiting', ${nowIso}, ${nowIso}, ${appointmentId}, ${actor.kind === 'device' ? actor.id : null}, ${issueKey})
          RETURNING *`,
    )!;
    const ticket: TicketRow = { ...inserted, category_code: category.code, category_name: category.name, window_number: null, window_name: null };
    const id = ticket.id;
    if (appointmentId !== null) run(db, sql`UPDATE appointments SET ticket_id = ${id} WHERE id = ${appointmentId}`);
    appendAudit(db, actor, now, { action: 'ticket-issue', entity: 'ticket', entityId: id, after: 'waiting', detail: { number: formatNumber(category.prefix, seq), priority } });
    const ahead = peopleAhead(db, ticket);
    const guide = { itemCode: category.item_code, publicGuideUrl: settings.publicGuideUrl };
    return { ticket, ahead, estimatedWaitMinutes: estimateWait(db, category.id, ahead), replayed: false, guide };
  }).immediate();
}

/** Waiting tickets of the same category that call-next would take before this one. */
export function peopleAhead(db: Db, t: TicketRow): number {
  if (t.priority !== null) {
    return get<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM tickets
          WHERE status = 'waiting' AND business_day = ${t.business_day} AND category_id = ${t.category_id} AND id <> ${t.id}
            AND priority IS NOT NULL AND (arrived_at, id) < (${t.arrived_at}, ${t.id})`,
    )!.n;
  }
  // Everyone waiting is ahead of a plain ticket but the plain tickets from its own arrival on (itself
  // included): the day's waiting counter (migration 20), less the few after it in arrival order.
  // Counting "who is ahead" directly reads every waiting row of the category, at each ticket issued.
  const waiting = get<{ n: number }>(
    db,
    sql`SELECT waiting AS n FROM queue_numbers WHERE business_day = ${t.business_day} AND category_id = ${t.category_id}`,
  )?.n ?? 0;
  const fromHereOn = get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM tickets INDEXED BY tickets_waiting
        WHERE status = 'waiting' AND category_id = ${t.category_id} AND (arrived_at, id) >= (${t.arrived_at}, ${t.id})
          AND business_day = ${t.business_day} AND priority IS NULL`,
  )!.n;
  return waiting - fromHereOn;
}

interface WindowState {
  id: number;
  number: number;
  status: 'open' | 'paused' | 'closed';
  clerk_id: number | null;
  active: number;
}

/** The window the clerk works at, checked: theirs, active, and (for calling) open. */
function clerkWindow(db: Db, actor: Actor, windowId: number): WindowState {
  const w = get<WindowState>(db, sql`SELECT id, number, status, clerk_id, active FROM windows WHERE id = ${windowId}`);
  if (!w || !w.active) throw notFound();
  if (w.clerk_id !== actor.id) throw conflict('not_your_window', { number: w.number });
  return w;
}

/**
 * The ticket call-next takes, in the order of DOMAIN §7: priority first, then tickets sent to this
 * window, then the window's categories by position, then the earliest arrival. Rather than sorting
 * every waiting ticket, it sorts a few candidates, each the first of its kind by one index seek: the
 * tickets sent to this window (few), and per category of the window its first waiting priority ticket
 * and its first plain one (migration 0017).
 */
export function nextWaiting(db: Db, windowId: number, day: string): { id: number } | undefined {
  const firstOfCategory = (priority: SqlFragment, index: SqlFragment) =>
    sql`SELECT t.id, t.priority IS NOT NULL AS priority, 0 AS targeted, wc.position, t.arrived_at
        FROM window_categories wc JOIN tickets t ON t.id = (
          SELECT id FROM tickets INDEXED BY ${index}
          WHERE status = 'waiting' AND category_id = wc.category_id AND ${priority}
            AND business_day = ${day} AND target_window_id IS NULL
          ORDER BY arrived_at, id LIMIT 1)
        WHERE wc.window_id = ${windowId}`;
  return get<{ id: number }>(
    db,
    sql`SELECT id FROM (
          SELECT t.id, t.priority IS NOT NULL AS priority, 1 AS targeted, coalesce(wc.position, 0) AS position, t.arrived_at
          FROM tickets t INDEXED BY tickets_waiting_targeted
          LEFT JOIN window_categories wc ON wc.category_id = t.category_id AND wc.window_id = ${windowId}
          WHERE t.status = 'waiting' AND t.target_window_id = ${windowId} AND t.business_day = ${day}
          UNION ALL ${firstOfCategory(sql`priority IS NOT NULL`, sql`tickets_waiting_priority`)}
          UNION ALL ${firstOfCategory(sql`priority IS NULL`, sql`tickets_waiting`)}
        ) ORDER BY priority DESC, targeted DESC, position, arrived_at, id LIMIT 1`,
  );
}

/** The next ticket for this window: priority first, then tickets sent to this window, then the
 *  window's categories in order, then the earliest arrival. One ticket to exactly one window. */
export function callNext(db: Db, clock: Clock, actor: Actor, windowId: number): TicketRow | null {
  return db.transaction((): TicketRow | null => {
    const w = clerkWindow(db, actor, windowId);
    if (w.status === 'paused') throw conflict('window_paused', { number: w.number });
    if (w.status !== 'open') throw conflict('window_closed', { number: w.number });
    if (get(db, sql`SELECT 1 FROM tickets WHERE window_id = ${windowId} AND status IN ('called', 'serving')`)) {
      throw conflict('window_busy', { number: w.number });
    }
    const next = nextWaiting(db, windowId, today(db, clock));
    if (!next) return null;
    const now = clock.now();
    const changed = run(
      db,
      sql`UPDATE tickets SET status = 'called', window_id = ${windowId}, clerk_id = ${actor.id}, called_at = ${now.toISOString()}, call_count = 1
          WHERE id = ${next.id} AND status = 'waiting'`,
    );
    if (changed.changes !== 1) throw conflict('ticket_state');
    appendAudit(db, actor, now, { action: 'ticket-call', entity: 'ticket', entityId: next.id, before: 'waiting', after: 'called', detail: { window: w.number } });
    return findTicket(db, next.id)!;
  }).immediate();
}

/** Which statuses each action starts from (DOMAIN §7); anything else is a 409 that changes nothing. */
export const ACTION_FROM: Record<string, readonly TicketStatus[]> = {
  recall: ['called'],
  'no-show': ['called'],
  start: ['called'],
  complete: ['serving'],
  transfer: ['called', 'serving'],
  cancel: ['waiting', 'called'],
};

function actOn(db: Db, clock: Clock, actor: Actor, ticketId: number, action: keyof typeof ACTION_FROM, apply: (t: TicketRow, nowIso: string) => void, note?: string): TicketRow {
  return db.transaction((): TicketRow => {
    const t = findTicket(db, ticketId);
    if (!t) throw notFound();
    if (!ACTION_FROM[action]!.includes(t.status)) throw conflict('ticket_state', { number: t.number, status: t.status, action });
    // A ticket at a window belongs to that window's clerk; a waiting one may be cancelled by any clerk.
    if (t.window_id !== null && t.status !== 'waiting') {
      const w = get<{ clerk_id: number | null; status: string; number: number }>(db, sql`SELECT clerk_id, status, number FROM windows WHERE id = ${t.window_id}`)!;
      if (w.clerk_id !== actor.id) throw conflict('not_your_ticket', { number: t.number });
    }
    const now = clock.now();
    apply(t, now.toISOString());
    const after = findTicket(db, ticketId)!;
    appendAudit(db, actor, now, { action: `ticket-${action}`, entity: 'ticket', entityId: ticketId, before: t.status, after: after.status, note: note ?? null });
    return after;
  }).immediate();
}

export function recallTicket(db: Db, clock: Clock, actor: Actor, id: number): TicketRow {
  return actOn(db, clock, actor, id, 'recall', (t) => run(db, sql`UPDATE tickets SET call_count = call_count + 1 WHERE id = ${t.id}`));
}

/** A citizen marked 过号 loses their place: only after the number was called again, or after a
 *  while since the first call, so that one click seconds after calling cannot send them away. */
function assertNoShowDue(db: Db, t: TicketRow, nowIso: string): void {
  const { noShowAfterCalls, noShowAfterMinutes } = queueSettings(db);
  const callsLeft = Math.max(0, noShowAfterCalls - t.call_count);
  const secondsLeft = Math.max(0, Math.ceil((Date.parse(t.called_at ?? nowIso) + noShowAfterMinutes * 60_000 - Date.parse(nowIso)) / 1000));
  if (callsLeft === 0 || secondsLeft === 0) return;
  throw new HallError('domain_rule', 'no_show_too_soon', { number: t.number, calls: callsLeft, minutes: Math.floor(secondsLeft / 60), seconds: secondsLeft % 60 }, { callsLeft, secondsLeft });
}

export function markNoShow(db: Db, clock: Clock, actor: Actor, id: number): TicketRow {
  return actOn(db, clock, actor, id, 'no-show', (t, now) => {
    assertNoShowDue(db, t, now);
    run(db, sql`UPDATE tickets SET status = 'no_show', finished_at = ${now} WHERE id = ${t.id}`);
  });
}

export function startService(db: Db, clock: Clock, actor: Actor, id: number, priorityConfirmed?: boolean): TicketRow {
  return actOn(db, clock, actor, id, 'start', (t, now) =>
    run(
      db,
      sql`UPDATE tickets SET status = 'serving', serving_at = ${now},
            priority_confirmed = ${t.priority !== null && (priorityConfirmed ?? t.priority_confirmed === 1)}
          WHERE id = ${t.id}`,
    ),
  );
}

export function completeService(db: Db, clock: Clock, actor: Actor, id: number, itemCodes: readonly string[]): TicketRow {
  return actOn(db, clock, actor, id, 'complete', (t, now) =>
    run(db, sql`UPDATE tickets SET status = 'done', finished_at = ${now}, items_handled = ${JSON.stringify(itemCodes)} WHERE id = ${t.id}`),
  );
}

export function cancelTicket(db: Db, clock: Clock, actor: Actor, id: number, note?: string): TicketRow {
  return actOn(db, clock, actor, id, 'cancel', (t, now) => run(db, sql`UPDATE tickets SET status = 'cancelled', finished_at = ${now} WHERE id = ${t.id}`), note);
}

/** Ends the ticket here and queues a linked one for another category or window, keeping the
 *  citizen's number and original arrival time, so the wait already done still counts. */
export function transferTicket(db: Db, clock: Clock, actor: Actor, id: number, to: TransferTicketRequest): { from: TicketRow; to: TicketRow } {
  let linkedId = 0;
  const from = actOn(db, clock, actor, id, 'transfer', (t, now) => {
    let categoryId = t.category_id;
    let targetWindow: number | null = null;
    if ('categoryCode' in to) {
      const c = categoryByCode(db, to.categoryCode);
      if (!c || !c.active) throw validationError([{ field: 'categoryCode', code: 'unknown_category', params: { code: to.categoryCode } }]);
      categoryId = c.id;
    } else {
      const w = get<{ id: number; active: number }>(db, sql`SELECT id, active FROM windows WHERE id = ${to.windowId}`);
      if (!w || !w.active) throw validationError([{ field: 'windowId', code: 'unknown_window' }]);
      if (w.id === t.window_id) throw validationError([{ field: 'windowId', code: 'same_window' }]);
      targetWindow = w.id;
    }
    run(db, sql`UPDATE tickets SET status = 'transferred', finished_at = ${now} WHERE id = ${t.id}`);
    linkedId = Number(
      run(
        db,
        sql`INSERT INTO tickets (business_day, category_id, seq, number, priority, priority_confirmed, status, arrived_at, issued_at,
                                 target_window_id, transferred_from)
            VALUES (${t.business_day}, ${categoryId}, NULL, ${t.number}, ${t.priority}, ${t.priority_confirmed}, 'waiting',
                    ${t.arrived_at}, ${now}, ${targetWindow}, ${t.id})`,
      ).lastInsertRowid,
    );
    // The linked ticket is a new row in the queue: it gets its own audit row, naming where it came from.
    appendAudit(db, actor, new Date(now), {
      action: 'ticket-transfer-in',
      entity: 'ticket',
      entityId: linkedId,
      after: 'waiting',
      detail: { number: t.number, from: t.id, fromCategory: t.category_code, categoryId, targetWindowId: targetWindow, arrivedAt: t.arrived_at },
    });
  });
  return { from, to: findTicket(db, linkedId)! };
}

export function windowTickets(db: Db, clock: Clock, windowId: number): TicketRow[] {
  return all<TicketRow>(db, sql`${TICKET_SELECT} WHERE t.window_id = ${windowId} AND t.business_day = ${today(db, clock)} ORDER BY t.called_at DESC`);
}
