// Freeing a window whose clerk is gone (DOMAIN §7): logged out, disabled, or the PC died. The ticket
// the window held goes back to waiting with its arrival time, so call-next gives it before anyone who
// came later; the window closes and another clerk may take it. Each release is one transaction with
// its audit row.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { CredentialEndReason } from '../../contract/events.js';
import type { WindowView } from '../../contract/queue.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, notFound } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { findWindow } from './setup-service.js';
import { findTicket, type TicketRow } from './tickets.js';

/** `released` by a supervisor or admin; otherwise why the clerk's credential ended. */
export type ReleaseReason = 'released' | CredentialEndReason;

export interface Released {
  window: WindowView;
  /** The ticket put back in the queue, if the window held one. */
  returned: TicketRow | null;
}

/** Frees one window; the caller holds the transaction. */
function releaseInTransaction(db: Db, actor: Actor, now: Date, windowId: number, reason: ReleaseReason): Released {
  const before = findWindow(db, windowId)!;
  const held = get<{ id: number; number: string; status: string }>(
    db,
    sql`SELECT id, number, status FROM tickets WHERE window_id = ${windowId} AND status IN ('called', 'serving')`,
  );
  if (held) {
    // Back to waiting as if never called: its arrival time keeps its place, its wait goes on.
    run(db, sql`UPDATE tickets SET status = 'waiting', window_id = NULL, clerk_id = NULL, called_at = NULL, serving_at = NULL, call_count = 0 WHERE id = ${held.id}`);
  }
  run(db, sql`UPDATE windows SET clerk_id = NULL, status = 'closed' WHERE id = ${windowId}`);
  appendAudit(db, actor, now, {
    action: 'window-release',
    entity: 'window',
    entityId: windowId,
    before: before.status,
    after: 'closed',
    detail: {
      number: before.number,
      reason,
      clerk: before.clerk ? { id: before.clerk.id, name: before.clerk.displayName } : null,
      returnedTicket: held ? { id: held.id, number: held.number, was: held.status } : null,
    },
  });
  return { window: findWindow(db, windowId)!, returned: held ? findTicket(db, held.id)! : null };
}

/** A supervisor or admin frees any window that a clerk holds; 409 when nobody holds it. */
export function releaseWindow(db: Db, clock: Clock, actor: Actor, windowId: number): Released {
  return db.transaction((): Released => {
    const w = findWindow(db, windowId);
    if (!w) throw notFound();
    if (!w.clerk) throw conflict('window_not_held', { number: w.number });
    return releaseInTransaction(db, actor, clock.now(), windowId, 'released');
  }).immediate();
}

/** Frees every window this user holds (their credential ended). */
export function releaseWindowsOf(db: Db, clock: Clock, actor: Actor, userId: number, reason: ReleaseReason): Released[] {
  return db.transaction((): Released[] => {
    const ids = all<{ id: number }>(db, sql`SELECT id FROM windows WHERE clerk_id = ${userId} ORDER BY id`);
    return ids.map((w) => releaseInTransaction(db, actor, clock.now(), w.id, reason));
  }).immediate();
}
