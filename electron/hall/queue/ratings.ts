// Citizens' ratings (好差评, DOMAIN §3). Only the citizen rates: a ticket from the rating pad of the
// window that served it, shortly after, once; a case stage from the kiosk (case-ratings.ts). A
// rating, its audit row and its county record commit together.
import type { Db } from '../../../db/connection.js';
import { get, run, sql, type SqlFragment } from '../../../db/sql.js';
import type { CaseRatingStage } from '../../contract/cases.js';
import type { PendingRating, RatingChannel, RatingRequest, RatingView } from '../../contract/queue.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, domainRule, HallError, notFound } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { enqueueRatingRecord } from '../sync/payloads.js';
import { openWorkOrder } from '../work-orders/work-order-store.js';
import { queueSettings } from './settings.js';

/** What the citizen said, whatever was rated. */
export type RatingScores = Pick<RatingRequest, 'level' | 'indicators' | 'comment'>;

export const scoresOf = (r: RatingRequest): RatingScores => ({ level: r.level, indicators: r.indicators, comment: r.comment });

/** The staff member rated; never anything about the citizen who rated. */
export interface RatedStaff {
  userId: number | null;
  username: string | null;
  displayName: string | null;
  windowId: number | null;
  windowNumber: number | null;
}

export interface RatingTarget {
  ticket: { id: number; number: string } | null;
  case: { id: number; caseNo: string; stage: CaseRatingStage } | null;
  channel: RatingChannel;
  deviceId: number;
  staff: RatedStaff;
}

/** Stores the rating with its audit row and county record; the caller's transaction decides whether it may. */
export function storeRating(db: Db, now: Date, actor: Actor, target: RatingTarget, scores: RatingScores): RatingView {
  const { ticket, staff, channel } = target;
  const ratedCase = target.case;
  const { lastInsertRowid } = run(
    db,
    sql`INSERT INTO ratings (ticket_id, case_id, stage, level, indicators, comment, channel, window_id, clerk_id, device_id, created_at)
        VALUES (${ticket?.id ?? null}, ${ratedCase?.id ?? null}, ${ratedCase?.stage ?? null}, ${scores.level}, ${JSON.stringify(scores.indicators ?? {})},
                ${scores.comment || null}, ${channel}, ${staff.windowId}, ${staff.userId}, ${target.deviceId}, ${now.toISOString()})`,
  );
  const id = Number(lastInsertRowid);
  appendAudit(db, actor, now, {
    action: 'rating',
    entity: 'rating',
    entityId: id,
    after: String(scores.level),
    detail: { channel, ticketId: ticket?.id ?? null, caseNo: ratedCase?.caseNo ?? null, stage: ratedCase?.stage ?? null },
  });
  enqueueRatingRecord(db, {
    ratingId: id,
    level: scores.level,
    indicators: scores.indicators ?? {},
    comment: scores.comment || null,
    channel,
    ratedAt: now,
    ticketNumber: ticket?.number ?? null,
    caseId: ratedCase?.id ?? null,
    caseNo: ratedCase?.caseNo ?? null,
    stage: ratedCase?.stage ?? null,
    staff: { username: staff.username, displayName: staff.displayName, windowNumber: staff.windowNumber },
  });
  // Every bad rating opens its work order (差评整改, DOMAIN §3) in this same transaction.
  if (scores.level <= 2) openWorkOrder(db, now, actor, { ratingId: id, level: scores.level, clerkId: staff.userId, realName: ratedCase !== null || channel === 'agent' });
  return {
    id,
    ticketId: ticket?.id ?? null,
    caseId: ratedCase?.id ?? null,
    stage: ratedCase?.stage ?? null,
    channel,
    level: scores.level,
    bad: scores.level <= 2,
    windowNumber: staff.windowNumber,
    clerkName: staff.displayName,
    createdAt: now.toISOString(),
  };
}

interface RatedTicket {
  id: number;
  number: string;
  status: string;
  finished_at: string | null;
  window_id: number | null;
  window_number: number | null;
  rating_device_id: number | null;
  clerk_id: number | null;
  clerk_name: string | null;
  clerk_username: string | null;
}

function ratedTicket(db: Db, id: number): RatedTicket | undefined {
  return get<RatedTicket>(
    db,
    sql`SELECT t.id, t.number, t.status, t.finished_at, t.window_id, w.number AS window_number, w.rating_device_id,
               t.clerk_id, u.display_name AS clerk_name, u.username AS clerk_username
        FROM tickets t LEFT JOIN windows w ON w.id = t.window_id LEFT JOIN users u ON u.id = t.clerk_id WHERE t.id = ${id}`,
  );
}

/** The pad beside the window that served the ticket rates it, within the rating window, once. */
export function rateTicket(db: Db, clock: Clock, padId: number, actor: Actor, ticketId: number, scores: RatingScores): RatingView {
  return db
    .transaction((): RatingView => {
      const now = clock.now();
      const ticket = ratedTicket(db, ticketId);
      if (!ticket) throw notFound();
      if (ticket.status !== 'done') throw conflict('rating_not_finished', { number: ticket.number });
      // The window that served it decides which pad may ask: no other pad, whatever it knows.
      if (ticket.rating_device_id === null || ticket.rating_device_id !== padId) throw new HallError('forbidden', 'rating_other_window', { number: ticket.number });
      if (get(db, sql`SELECT 1 FROM ratings WHERE ticket_id = ${ticket.id}`)) throw conflict('rating_exists', { number: ticket.number });
      const minutes = queueSettings(db).ratingWindowMinutes;
      if (now.getTime() - Date.parse(ticket.finished_at!) > minutes * 60_000) throw domainRule('rating_too_late', { minutes });
      return storeRating(db, now, actor, {
        ticket: { id: ticket.id, number: ticket.number },
        case: null,
        channel: 'pad',
        deviceId: padId,
        staff: { userId: ticket.clerk_id, username: ticket.clerk_username, displayName: ticket.clerk_name, windowId: ticket.window_id, windowNumber: ticket.window_number },
      }, scores);
    })
    .immediate();
}

/** pendingRating's statement (its plan is tested). A pad asks on start and after every reconnection,
 *  on the event loop: the tickets finished since `since` are read per category through the partial
 *  index of done tickets (the last few minutes' services), never the year's (4 s on 5M tickets). */
export function pendingRatingQuery(deviceId: number, since: string): SqlFragment {
  return sql`SELECT t.id, t.number, w.number AS window_number, u.display_name AS clerk_name, t.finished_at
        FROM tickets t INDEXED BY tickets_done_by_category
        JOIN windows w ON w.id = t.window_id LEFT JOIN users u ON u.id = t.clerk_id
        WHERE t.category_id IN (SELECT id FROM queue_categories) AND t.status = 'done' AND t.finished_at >= ${since}
          AND w.rating_device_id = ${deviceId} AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id)
        ORDER BY t.finished_at DESC LIMIT 1`;
}

/** The newest finished, unrated ticket at the pad's window, while it may still be rated. */
export function pendingRating(db: Db, clock: Clock, deviceId: number): PendingRating {
  const minutes = queueSettings(db).ratingWindowMinutes;
  const since = new Date(clock.now().getTime() - minutes * 60_000).toISOString();
  const row = get<{ id: number; number: string; window_number: number; clerk_name: string | null; finished_at: string }>(db, pendingRatingQuery(deviceId, since));
  return {
    ticket: row ? { id: row.id, number: row.number, windowNumber: row.window_number, clerkName: row.clerk_name, finishedAt: row.finished_at } : null,
  };
}
