// A clerk takes a window for the day, pauses it for a break, and leaves it.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { WindowView } from '../../contract/queue.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, notFound } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { findWindow } from './setup-service.js';

function holdsTicket(db: Db, windowId: number): boolean {
  return get(db, sql`SELECT 1 FROM tickets WHERE window_id = ${windowId} AND status IN ('called', 'serving')`) !== undefined;
}

export function signIn(db: Db, clock: Clock, actor: Actor, windowId: number): WindowView {
  return db.transaction(() => {
    const w = findWindow(db, windowId);
    if (!w || !w.active) throw notFound();
    if (w.clerk && w.clerk.id !== actor.id) throw conflict('window_taken', { number: w.number, name: w.clerk.displayName });
    // A clerk works at one window at a time: leave the other one, if it is free.
    const other = get<{ id: number; number: number }>(db, sql`SELECT id, number FROM windows WHERE clerk_id = ${actor.id} AND id <> ${windowId}`);
    if (other) {
      if (holdsTicket(db, other.id)) throw conflict('window_busy', { number: other.number });
      run(db, sql`UPDATE windows SET clerk_id = NULL, status = 'closed' WHERE id = ${other.id}`);
    }
    run(db, sql`UPDATE windows SET clerk_id = ${actor.id}, status = 'open' WHERE id = ${windowId}`);
    appendAudit(db, actor, clock.now(), { action: 'window-sign-in', entity: 'window', entityId: windowId, before: w.status, after: 'open' });
    return findWindow(db, windowId)!;
  }).immediate();
}

function setStatus(db: Db, clock: Clock, actor: Actor, windowId: number, to: 'open' | 'paused' | 'closed', action: string): WindowView {
  return db.transaction(() => {
    const w = findWindow(db, windowId);
    if (!w || !w.active) throw notFound();
    if (w.clerk?.id !== actor.id) throw conflict('not_your_window', { number: w.number });
    if (to === 'closed' && holdsTicket(db, windowId)) throw conflict('window_busy', { number: w.number });
    if (to === 'paused' && w.status !== 'open') throw conflict('window_not_open', { number: w.number });
    if (to === 'open' && w.status !== 'paused') throw conflict('window_not_paused', { number: w.number });
    run(db, sql`UPDATE windows SET status = ${to}, clerk_id = ${to === 'closed' ? null : actor.id} WHERE id = ${windowId}`);
    appendAudit(db, actor, clock.now(), { action, entity: 'window', entityId: windowId, before: w.status, after: to });
    return findWindow(db, windowId)!;
  }).immediate();
}

/** A paused window keeps its current ticket but is not given new ones. */
export const pauseWindow = (db: Db, clock: Clock, actor: Actor, id: number) => setStatus(db, clock, actor, id, 'paused', 'window-pause');
export const resumeWindow = (db: Db, clock: Clock, actor: Actor, id: number) => setStatus(db, clock, actor, id, 'open', 'window-resume');
export const signOut = (db: Db, clock: Clock, actor: Actor, id: number) => setStatus(db, clock, actor, id, 'closed', 'window-sign-out');
