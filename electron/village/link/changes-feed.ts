// Hall → node changes (DESIGN §9), pulled after the persisted cursor. Each change is stored once
// (request + cursor) and handed to the agent module's handlers in the same transaction that moves the
// cursor: a change is applied at least once, and the cursor never passes one whose handler failed.
import type { Db } from '../../../db/connection.js';
import { run, sql } from '../../../db/sql.js';
import type { VillageChange } from '../../contract/village.js';
import { setChangesCursor } from './node-state.js';

/** Applies one change inside the storing transaction; must be idempotent (the hall may resend it). */
export type HallChangeHandler = (db: Db, change: VillageChange, now: Date) => void;

export function storeChangesPage(db: Db, now: Date, changes: readonly VillageChange[], cursor: string | null, handlers: readonly HallChangeHandler[]): number {
  return db.transaction(() => {
    let received = 0;
    for (const change of changes) {
      const { changes: inserted } = run(
        db,
        sql`INSERT INTO hall_changes (request_id, kind, payload, cursor, received_at)
            VALUES (${change.requestId}, ${change.kind}, ${JSON.stringify(change.payload)}, ${change.cursor}, ${now.toISOString()})
            ON CONFLICT (request_id, cursor) DO NOTHING`,
      );
      if (inserted === 0) continue;
      received += 1;
      for (const handle of handlers) handle(db, change, now);
    }
    setChangesCursor(db, cursor);
    return received;
  }).immediate();
}
