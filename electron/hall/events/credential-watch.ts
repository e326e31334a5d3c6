// Keeps every open events socket tied to the credential it was let in with (STYLE §13). A service
// that ends a credential announces it in the same call that commits, and the sockets on it close
// before any other event can be published. A sweep every half second re-reads every socket's credential
// (one query per kind, whatever the number of sockets): it closes those that expired, and those
// ended where no notice comes from, such as another process writing the database.
import type { Db } from '../../../db/connection.js';
import { concerns, endedCredentials, onCredentialEnded } from '../auth/credentials.js';
import type { Clock } from '../clock.js';
import type { EventHub } from './hub.js';

/** Half a second: a socket outlives its credential by at most that, plus one short query. */
export const SWEEP_INTERVAL_MS = 500;

export interface CredentialWatch {
  /** Checks every socket's credential now; returns how many were ended. */
  sweep(): number;
  stop(): void;
}

export function watchCredentials(db: Db, clock: Clock, hub: EventHub, onError: (err: unknown) => void, intervalMs = SWEEP_INTERVAL_MS): CredentialWatch {
  const unlisten = onCredentialEnded(db, (notice) => {
    hub.endWhere((sub) => (concerns(notice, sub.principal) ? notice.reason : null));
  });
  const sweep = (): number => {
    const held = hub.credentialed();
    if (held.length === 0) return 0;
    const reasons = endedCredentials(
      db,
      clock,
      held.map((sub) => sub.credential),
    );
    const byHolder = new Map(held.map((sub, i) => [sub, reasons[i] ?? null]));
    return hub.endWhere((sub) => byHolder.get(sub) ?? null);
  };
  const timer = setInterval(() => {
    try {
      sweep();
    } catch (err) {
      // A busy or closing database: the next sweep tries again.
      onError(err);
    }
  }, intervalMs);
  timer.unref();
  return {
    sweep,
    stop: () => {
      clearInterval(timer);
      unlisten();
    },
  };
}
