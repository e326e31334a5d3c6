// A revoked node (DESIGN §9): the hall's next answer is 401 `revoked`, and the node wipes every record
// it holds — the agent's (through the hooks the agent module registers), the link's outbox, pulled
// changes, scans and the catalogue mirror — and returns to pairing. The audit chain stays: it is
// append-only, and the wipe itself is its last entry.
import type { Db } from '../../../db/connection.js';
import { run, sql } from '../../../db/sql.js';
import { appendAudit } from '../../hall/audit/chain.js';
import { SYSTEM_ACTOR } from '../../hall/http/principal.js';

export type WipeHook = (db: Db) => void;

export function wipeNode(db: Db, hooks: readonly WipeHook[], at: Date, reason: string): void {
  db.transaction(() => {
    for (const hook of hooks) hook(db);
    run(db, sql`DELETE FROM link_record_scans`);
    run(db, sql`DELETE FROM link_outbox`);
    run(db, sql`DELETE FROM scans`);
    run(db, sql`DELETE FROM hall_changes`);
    run(db, sql`DELETE FROM catalog_items`);
    run(db, sql`DELETE FROM pairing`);
    run(
      db,
      sql`UPDATE link_state SET changes_cursor = NULL, catalog_version = 0, revoked_at = ${at.toISOString()},
            last_error = NULL, failing_since = NULL WHERE id = 1`,
    );
    appendAudit(db, SYSTEM_ACTOR, at, { action: 'node-wiped', entity: 'node', entityId: null, note: reason });
  }).immediate();
}
