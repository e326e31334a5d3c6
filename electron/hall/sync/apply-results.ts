// Applying an outcome: one short synchronous transaction after the HTTP exchange (never during it).
// Done only on an explicit accepted/duplicate with a receipt; rejected is set aside with the reason;
// everything else — no result, a failure, a timeout — goes back to pending with a backoff delay.
import type { Db } from '../../../db/connection.js';
import { run, sql } from '../../../db/sql.js';
import type { Backoff } from './backoff.js';
import type { OutboxRow } from './batch-select.js';
import type { BatchOutcome } from './transport.js';

export interface AppliedCounts {
  done: number;
  rejected: number;
  retried: number;
}

const MAX_REASON = 1000;

export function applyOutcome(db: Db, rows: readonly OutboxRow[], outcome: BatchOutcome, now: Date, backoff: Backoff): AppliedCounts {
  const counts: AppliedCounts = { done: 0, rejected: 0, retried: 0 };
  const nowIso = now.toISOString();
  db.transaction(() => {
    for (const row of rows) {
      const result = outcome.kind === 'replied' ? outcome.results.get(row.record_id) : undefined;
      if (result && (result.status === 'accepted' || result.status === 'duplicate') && result.receiptId) {
        run(db, sql`UPDATE outbox SET state = 'done', done_at = ${nowIso}, receipt_id = ${result.receiptId}
                    WHERE id = ${row.id} AND state = 'sending'`);
        counts.done += 1;
      } else if (result?.status === 'rejected') {
        const reason = (result.reason ?? '').trim().slice(0, MAX_REASON) || '(no reason given)';
        run(db, sql`UPDATE outbox SET state = 'rejected', rejected_at = ${nowIso}, reason = ${reason}
                    WHERE id = ${row.id} AND state = 'sending'`);
        counts.rejected += 1;
      } else {
        // A refused key is not the record's fault: it is due again as soon as the operator fixes it.
        const wait = outcome.kind === 'unauthorized' ? 0 : backoff(row.attempts);
        run(db, sql`UPDATE outbox SET state = 'pending', next_attempt_at = ${now.getTime() + wait}
                    WHERE id = ${row.id} AND state = 'sending'`);
        counts.retried += 1;
      }
    }
  }).immediate();
  return counts;
}
