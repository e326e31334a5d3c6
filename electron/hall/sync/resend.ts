// "Send again" for a rejected record (the operator fixed the cause at the county or in the data).
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, notFound } from '../http/errors.js';
import type { Actor } from '../http/principal.js';

export function resendRecord(db: Db, clock: Clock, actor: Actor, recordId: string): { recordId: string; state: 'pending' } {
  return db.transaction(() => {
    const row = get<{ id: number; state: string; reason: string | null }>(db, sql`SELECT id, state, reason FROM outbox WHERE record_id = ${recordId}`);
    if (!row) throw notFound();
    if (row.state !== 'rejected') throw conflict('sync_not_rejected');
    // Attempts start over, so the backoff after a new failure starts small again.
    run(db, sql`UPDATE outbox SET state = 'pending', next_attempt_at = 0, attempts = 0, reason = NULL, rejected_at = NULL WHERE id = ${row.id}`);
    appendAudit(db, actor, clock.now(), { action: 'sync-resend', entity: 'outbox', entityId: recordId, before: 'rejected', after: 'pending', note: row.reason });
    return { recordId, state: 'pending' as const };
  }).immediate();
}
