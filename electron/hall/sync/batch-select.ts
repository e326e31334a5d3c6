// Choosing what to send: one short synchronous transaction that picks due records in capture order
// and marks them SENDING. Per-case order (DESIGN §8) is kept here: a case event is eligible only when
// the record before it (the case itself for seq 1) is done, so at most one record per case is ever
// in flight and the county can never see an event ahead of its case or an earlier event.
import type { Db } from '../../../db/connection.js';
import { all, run, sql } from '../../../db/sql.js';
import type { RecordKind } from '../../contract/county.js';
import { MAX_BATCH_RECORDS } from '../../contract/county.js';

export interface OutboxRow {
  id: number;
  record_id: string;
  kind: RecordKind;
  case_no: string | null;
  seq: number | null;
  occurred_at: string;
  /** JSON text, sent as it is stored. */
  payload: string;
  attempts: number;
}

/** After a crash nothing is in flight: SENDING rows go back to pending (DESIGN §8). */
export function resetSending(db: Db): number {
  return run(db, sql`UPDATE outbox SET state = 'pending' WHERE state = 'sending'`).changes;
}

export function chooseBatch(db: Db, nowMs: number, nowIso: string, limit = MAX_BATCH_RECORDS): OutboxRow[] {
  const size = Math.max(1, Math.min(limit, MAX_BATCH_RECORDS));
  return db.transaction((): OutboxRow[] => {
    const rows = all<OutboxRow>(
      db,
      sql`SELECT o.id, o.record_id, o.kind, o.case_no, o.seq, o.occurred_at, o.payload, o.attempts
          FROM outbox o
          WHERE o.state = 'pending' AND o.next_attempt_at <= ${nowMs}
            AND (o.kind <> 'case-event'
              OR (o.seq = 1 AND EXISTS (SELECT 1 FROM outbox c
                    WHERE c.kind = 'case' AND c.case_no = o.case_no AND c.state = 'done'))
              OR (o.seq > 1 AND EXISTS (SELECT 1 FROM outbox e
                    WHERE e.kind = 'case-event' AND e.case_no = o.case_no AND e.seq = o.seq - 1 AND e.state = 'done')))
          ORDER BY o.id
          LIMIT ${size}`,
    );
    for (const row of rows) {
      run(db, sql`UPDATE outbox SET state = 'sending', attempts = attempts + 1, last_sent_at = ${nowIso} WHERE id = ${row.id}`);
      row.attempts += 1;
    }
    return rows;
  }).immediate();
}
