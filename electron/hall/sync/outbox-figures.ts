// The county outbox's figures, read by the operator's status (status.ts) and the dashboard's upload
// health (dashboard/upload-figures.ts, on its report thread): this module imports nothing but the
// database, so the dashboard's thread loads no more of the uploader than these reads.
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import type { SyncCounts } from '../../contract/sync.js';

/** The outbox per state, from the counters the triggers keep (migration 22): the outbox keeps every
 *  record for good, and counting it was a read of every entry at each banner poll. */
export function outboxCounts(db: Db): SyncCounts {
  const result: SyncCounts = { pending: 0, sending: 0, done: 0, rejected: 0 };
  for (const row of all<{ name: string; n: number }>(db, sql`SELECT name, n FROM sync_counts WHERE name LIKE 'outbox:%'`)) {
    const state = row.name.slice('outbox:'.length) as keyof SyncCounts;
    if (state in result) result[state] = row.n;
  }
  return result;
}

/** When the oldest record still to send was made, through the index entries of the records still to
 *  send (never the ones already sent). */
export function oldestPendingAt(db: Db): string | null {
  return get<{ at: string | null }>(db, sql`SELECT min(created_at) AS at FROM outbox WHERE state IN ('pending', 'sending')`)?.at ?? null;
}
