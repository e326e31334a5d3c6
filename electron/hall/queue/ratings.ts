// Citizens' ratings (好差评, DOMAIN §3), tied to the ticket, its window and the clerk who served.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { PendingRating, RatingRequest, RatingView } from '../../contract/queue.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, domainRule, notFound } from '../http/errors.js';
import type { Actor, Principal } from '../http/principal.js';
import { enqueueRatingRecord } from '../sync/payloads.js';
import { queueSettings } from './settings.js';

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

export function submitRating(db: Db, clock: Clock, principal: Principal, actor: Actor, input: RatingRequest): RatingView {
  return db.transaction((): RatingView => {
    const now = clock.now();
    let ticket: RatedTicket | undefined;
    if (input.ticketId !== undefined) {
      ticket = ratedTicket(db, input.ticketId);
      if (!ticket) throw notFound();
      if (ticket.status !== 'done') throw conflict('rating_not_finished', { number: ticket.number });
      // A pad rates only the tickets of its own window, and only shortly after they finish.
      if (principal.kind === 'device' && principal.device.kind === 'rating') {
        if (ticket.rating_device_id !== principal.device.id) throw conflict('rating_other_window', { number: ticket.number });
        const minutes = queueSettings(db).ratingWindowMinutes;
        if (now.getTime() - Date.parse(ticket.finished_at!) > minutes * 60_000) throw domainRule('rating_too_late', { minutes });
      }
      if (get(db, sql`SELECT 1 FROM ratings WHERE ticket_id = ${ticket.id}`)) throw conflict('rating_exists', { number: ticket.number });
    }
    const { lastInsertRowid } = run(
      db,
      sql`INSERT INTO ratings (ticket_id, case_id, level, indicators, comment, channel, window_id, clerk_id, device_id, created_at)
          VALUES (${input.ticketId ?? null}, ${input.caseId ?? null}, ${input.level}, ${JSON.stringify(input.indicators ?? {})},
                  ${input.comment ?? null}, 'onsite', ${ticket?.window_id ?? null}, ${ticket?.clerk_id ?? null},
                  ${principal.kind === 'device' ? principal.device.id : null}, ${now.toISOString()})`,
    );
    const id = Number(lastInsertRowid);
    appendAudit(db, actor, now, { action: 'rating', entity: 'rating', entityId: id, after: String(input.level), detail: { ticketId: input.ticketId ?? null, caseId: input.caseId ?? null } });
    enqueueRatingRecord(db, {
      ratingId: id,
      level: input.level,
      indicators: input.indicators ?? {},
      comment: input.comment ?? null,
      channel: 'onsite',
      ratedAt: now,
      ticketNumber: ticket?.number ?? null,
      caseId: input.caseId ?? null,
      staff: ticket ? { username: ticket.clerk_username, displayName: ticket.clerk_name, windowNumber: ticket.window_number } : null,
    });
    return {
      id,
      ticketId: input.ticketId ?? null,
      caseId: input.caseId ?? null,
      level: input.level,
      bad: input.level <= 2,
      windowNumber: ticket?.window_number ?? null,
      clerkName: ticket?.clerk_name ?? null,
      createdAt: now.toISOString(),
    };
  }).immediate();
}

/** The newest finished, unrated ticket at the pad's window, while it may still be rated. */
export function pendingRating(db: Db, clock: Clock, deviceId: number): PendingRating {
  const minutes = queueSettings(db).ratingWindowMinutes;
  const since = new Date(clock.now().getTime() - minutes * 60_000).toISOString();
  const row = get<{ id: number; number: string; window_number: number; clerk_name: string | null; finished_at: string }>(
    db,
    sql`SELECT t.id, t.number, w.number AS window_number, u.display_name AS clerk_name, t.finished_at
        FROM tickets t JOIN windows w ON w.id = t.window_id LEFT JOIN users u ON u.id = t.clerk_id
        WHERE w.rating_device_id = ${deviceId} AND t.status = 'done' AND t.finished_at >= ${since}
          AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id)
        ORDER BY t.finished_at DESC LIMIT 1`,
  );
  return {
    ticket: row ? { id: row.id, number: row.number, windowNumber: row.window_number, clerkName: row.clerk_name, finishedAt: row.finished_at } : null,
  };
}
