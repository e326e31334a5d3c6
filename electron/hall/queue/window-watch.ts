// A clerk whose credential ends — logged out, disabled, given another role, password reset — leaves
// the windows they held: the queue hears it through the credential-ended notice (auth/credentials.ts),
// frees them in one transaction with its audit row, and tells the screens. The auth services know
// nothing of windows.
import type { Db } from '../../../db/connection.js';
import { get, sql } from '../../../db/sql.js';
import { onCredentialEnded, type CredentialEnded } from '../auth/credentials.js';
import type { Clock } from '../clock.js';
import type { EventHub } from '../events/hub.js';
import { SYSTEM_ACTOR } from '../http/principal.js';
import { publishTicket } from './events.js';
import { releaseWindowsOf, type Released } from './window-release.js';

function userOf(db: Db, notice: CredentialEnded): number | null {
  if (notice.kind === 'user') return notice.userId;
  if (notice.kind === 'device') return null;
  return get<{ user_id: number }>(db, sql`SELECT user_id FROM sessions WHERE id = ${notice.sessionId}`)?.user_id ?? null;
}

export function publishReleased(events: EventHub, db: Db, clock: Clock, released: readonly Released[]): void {
  for (const r of released) {
    events.publish('window.updated', r.window);
    if (r.returned) publishTicket(events, db, clock, 'ticket.updated', r.returned);
  }
}

/** Returns the function that stops listening. A failure is logged: the credential has ended anyway,
 *  and a supervisor can still free the window by hand. */
export function releaseWindowsOnCredentialEnd(db: Db, clock: Clock, events: EventHub, onError: (err: unknown) => void): () => void {
  return onCredentialEnded(db, (notice) => {
    try {
      const userId = userOf(db, notice);
      if (userId === null) return;
      publishReleased(events, db, clock, releaseWindowsOf(db, clock, SYSTEM_ACTOR, userId, notice.reason));
    } catch (err) {
      onError(err);
    }
  });
}
