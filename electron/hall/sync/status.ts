// What the operator sees (GET /sync/status, the sync.status event, the banner).
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import type { RecordKind } from '../../contract/county.js';
import type { SyncStatus, SyncSummary } from '../../contract/sync.js';
import { decisionCounts } from './decisions.js';
import { oldestPendingAt, outboxCounts } from './outbox-figures.js';
import { storedSync } from './sync-settings.js';
import { lastError, syncState } from './sync-state.js';

const REJECTED_SHOWN = 200;

export function syncSummary(db: Db, now: Date, runtime: { running: boolean; configured: boolean }): SyncSummary {
  // One read snapshot, so the counts and the state agree.
  return db.transaction((): SyncSummary => {
    const state = syncState(db);
    const { alertAfterMinutes } = storedSync(db);
    const held = get<{ n: number }>(
      db,
      // The rejected set is small and read once; an EXISTS per pending row would scan the table each time.
      sql`SELECT count(*) AS n FROM outbox WHERE state = 'pending' AND kind = 'case-event'
            AND case_no IN (SELECT case_no FROM outbox WHERE state = 'rejected' AND case_no IS NOT NULL)`,
    );
    const failingLong = state.failing_since !== null && now.getTime() - Date.parse(state.failing_since) > alertAfterMinutes * 60_000;
    return {
      configured: runtime.configured,
      running: runtime.running,
      counts: outboxCounts(db),
      heldBehindRejected: held?.n ?? 0,
      oldestPendingAt: oldestPendingAt(db),
      lastSuccessAt: state.last_success_at,
      lastAttemptAt: state.last_attempt_at,
      lastError: lastError(state),
      paused: state.paused_at !== null,
      failingSince: state.failing_since,
      alert: state.paused_at !== null || failingLong,
      decisions: decisionCounts(db),
    };
  }).deferred();
}

export function syncStatus(db: Db, now: Date, runtime: { running: boolean; configured: boolean }): SyncStatus {
  const rejected = all<{ record_id: string; kind: RecordKind; case_no: string | null; reason: string; rejected_at: string }>(
    db,
    sql`SELECT record_id, kind, case_no, reason, rejected_at FROM outbox WHERE state = 'rejected' ORDER BY rejected_at DESC, id DESC LIMIT ${REJECTED_SHOWN}`,
  );
  return {
    ...syncSummary(db, now, runtime),
    rejected: rejected.map((r) => ({ recordId: r.record_id, kind: r.kind, caseNo: r.case_no, reason: r.reason, at: r.rejected_at })),
  };
}
