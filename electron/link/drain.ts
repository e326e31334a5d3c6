// The sender of a link: choose a batch (one short transaction) → the exchange, with no transaction
// open → apply the outcome (one short transaction, with the user's own bookkeeping in it), until
// nothing is due, the peer stops answering usably, or the credential is refused.
import type { Db } from '../../db/connection.js';
import type { Backoff } from './backoff.js';
import type { BatchOutcome } from './outcome.js';
import { applyOutcome, chooseBatch, type AppliedCounts, type LinkRow, type OutboxSpec } from './outbox.js';

export interface DrainOptions<R extends LinkRow> {
  db: Db;
  spec: OutboxSpec;
  now: () => Date;
  backoff: Backoff;
  maxBatches: number;
  batchSize?: number;
  stopped: () => boolean;
  send(rows: R[], now: Date): Promise<BatchOutcome>;
  /** Runs inside the transaction that applies the outcome: the user's state commits with it. */
  recordOutcome?(outcome: BatchOutcome, counts: AppliedCounts, at: Date): void;
}

export interface DrainReport extends AppliedCounts {
  batches: number;
  /** ok: nothing more is due, or the cycle's share is spent; failed: the peer did not answer usably. */
  result: 'ok' | 'failed' | 'unauthorized';
  /** The refusal, when result is unauthorized. */
  refusal: { status: number; code?: string } | null;
}

export async function drainOutbox<R extends LinkRow>(options: DrainOptions<R>): Promise<DrainReport> {
  const { db, spec } = options;
  const report: DrainReport = { batches: 0, done: 0, rejected: 0, retried: 0, result: 'ok', refusal: null };
  for (let i = 0; i < options.maxBatches && !options.stopped(); i++) {
    const now = options.now();
    const rows = chooseBatch<R>(db, spec, now.getTime(), now.toISOString(), options.batchSize);
    if (rows.length === 0) break;
    const outcome = await options.send(rows, now);
    const after = options.now();
    const applied = db.transaction(() => {
      const counts = applyOutcome(db, spec, rows, outcome, after, options.backoff);
      options.recordOutcome?.(outcome, counts, after);
      return counts;
    }).immediate();
    report.batches += 1;
    report.done += applied.done;
    report.rejected += applied.rejected;
    report.retried += applied.retried;
    if (outcome.kind === 'unauthorized') {
      report.result = 'unauthorized';
      report.refusal = outcome.code === undefined ? { status: outcome.status } : { status: outcome.status, code: outcome.code };
      return report;
    }
    if (outcome.kind === 'failed') {
      report.result = 'failed';
      break;
    }
    // No progress (every result missing or unusable): stop rather than spin on the same records.
    if (applied.done + applied.rejected === 0) {
      report.result = 'failed';
      break;
    }
  }
  return report;
}
