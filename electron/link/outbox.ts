// The exactly-once link's outbox (DESIGN §2a, §8, §9), for any table of the same shape: rows with a
// record_id made in the business transaction, a state (pending → sending → done | rejected), attempts
// and a next_attempt_at for the backoff, a receipt when done and a reason when set aside. Which rows
// may go together (the per-stream order rule) and what the row carries are the user's: the county
// upload orders by case, the village node by request. Nothing here knows cases, requests or counties.
import type { Db } from '../../db/connection.js';
import { all, run, sql, SqlFragment } from '../../db/sql.js';
import type { Backoff } from './backoff.js';
import type { BatchOutcome } from './outcome.js';

/** What the link reads of every row; users read more through OutboxSpec.columns. */
export interface LinkRow {
  id: number;
  record_id: string;
  attempts: number;
}

/**
 * A link user's outbox table. Every text here is code, never input: a table name, a select list
 * over the alias `o`, and the order rule (a condition over `o`, e.g. "the record before it in its
 * stream is done") that keeps one stream's records in order and at most one of them in flight.
 */
export interface OutboxSpec {
  table: string;
  columns: string;
  orderRule: string;
  maxBatch: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function raw(text: string): SqlFragment {
  return new SqlFragment(text, []);
}

function tableOf(spec: OutboxSpec): SqlFragment {
  if (!IDENTIFIER.test(spec.table)) throw new Error(`outbox table name ${spec.table} is not an identifier`);
  return raw(spec.table);
}

/** After a crash nothing is in flight: SENDING rows go back to pending (DESIGN §8). */
export function resetSending(db: Db, spec: OutboxSpec): number {
  return run(db, sql`UPDATE ${tableOf(spec)} SET state = 'pending' WHERE state = 'sending'`).changes;
}

/**
 * One short synchronous transaction: the due rows whose order rule holds, in capture order, marked
 * SENDING with one more attempt counted. The HTTP exchange happens after it, never inside.
 */
export function chooseBatch<R extends LinkRow>(db: Db, spec: OutboxSpec, nowMs: number, nowIso: string, limit = spec.maxBatch): R[] {
  const size = Math.max(1, Math.min(limit, spec.maxBatch));
  const table = tableOf(spec);
  return db.transaction((): R[] => {
    const rows = all<R>(
      db,
      sql`SELECT ${raw(spec.columns)}
          FROM ${table} o
          WHERE o.state = 'pending' AND o.next_attempt_at <= ${nowMs} AND (${raw(spec.orderRule)})
          ORDER BY o.id
          LIMIT ${size}`,
    );
    for (const row of rows) {
      run(db, sql`UPDATE ${table} SET state = 'sending', attempts = attempts + 1, last_sent_at = ${nowIso} WHERE id = ${row.id}`);
      row.attempts += 1;
    }
    return rows;
  }).immediate();
}

export interface AppliedCounts {
  done: number;
  rejected: number;
  retried: number;
}

const MAX_REASON = 1000;

/**
 * Applies an exchange's outcome in one short transaction. Done only on an explicit accepted or
 * duplicate with a receipt; rejected is set aside with its reason; everything else — no result, a
 * failure, a timeout — goes back to pending after a backoff (none after a refused credential: the
 * record is due as soon as the credential is fixed).
 */
export function applyOutcome(db: Db, spec: OutboxSpec, rows: readonly LinkRow[], outcome: BatchOutcome, now: Date, backoff: Backoff): AppliedCounts {
  const counts: AppliedCounts = { done: 0, rejected: 0, retried: 0 };
  const nowIso = now.toISOString();
  const table = tableOf(spec);
  db.transaction(() => {
    for (const row of rows) {
      const result = outcome.kind === 'replied' ? outcome.results.get(row.record_id) : undefined;
      if (result && (result.status === 'accepted' || result.status === 'duplicate') && result.receiptId) {
        run(db, sql`UPDATE ${table} SET state = 'done', done_at = ${nowIso}, receipt_id = ${result.receiptId}
                    WHERE id = ${row.id} AND state = 'sending'`);
        counts.done += 1;
      } else if (result?.status === 'rejected') {
        const reason = (result.reason ?? '').trim().slice(0, MAX_REASON) || '(no reason given)';
        run(db, sql`UPDATE ${table} SET state = 'rejected', rejected_at = ${nowIso}, reason = ${reason}
                    WHERE id = ${row.id} AND state = 'sending'`);
        counts.rejected += 1;
      } else {
        const wait = outcome.kind === 'unauthorized' ? 0 : backoff(row.attempts);
        run(db, sql`UPDATE ${table} SET state = 'pending', next_attempt_at = ${now.getTime() + wait}
                    WHERE id = ${row.id} AND state = 'sending'`);
        counts.retried += 1;
      }
    }
  }).immediate();
  return counts;
}
