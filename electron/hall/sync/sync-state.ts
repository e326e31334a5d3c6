// The uploader's own record of how it is doing (one row), kept across restarts for the operator.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import { SyncError } from '../../contract/sync.js';
import type { ExchangeError } from './transport.js';

export interface SyncStateRow {
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  failing_since: string | null;
  paused_at: string | null;
  decisions_cursor: string | null;
}

export function syncState(db: Db): SyncStateRow {
  return get<SyncStateRow>(db, sql`SELECT last_attempt_at, last_success_at, last_error, failing_since, paused_at, decisions_cursor FROM sync_state WHERE id = 1`)!;
}

export function lastError(row: SyncStateRow): SyncError | null {
  if (!row.last_error) return null;
  const parsed = SyncError.safeParse(JSON.parse(row.last_error));
  return parsed.success ? parsed.data : null;
}

/** A batch the county answered with usable results: upload works, whatever failed before. */
export function recordSuccess(db: Db, now: Date): void {
  const at = now.toISOString();
  run(db, sql`UPDATE sync_state SET last_attempt_at = ${at}, last_success_at = ${at}, last_error = NULL, failing_since = NULL WHERE id = 1`);
}

/** A failed exchange; failing_since keeps the start of the failure, which the alert measures. */
export function recordFailure(db: Db, now: Date, error: ExchangeError, { failing = true } = {}): void {
  const at = now.toISOString();
  const json = JSON.stringify({ ...error, at });
  if (failing) {
    run(db, sql`UPDATE sync_state SET last_attempt_at = ${at}, last_error = ${json}, failing_since = coalesce(failing_since, ${at}) WHERE id = 1`);
  } else {
    run(db, sql`UPDATE sync_state SET last_error = ${json} WHERE id = 1`);
  }
}

/** Nothing left to send: nothing is failing, even if the last try did. */
export function clearFailing(db: Db): void {
  run(db, sql`UPDATE sync_state SET failing_since = NULL WHERE id = 1`);
}

export function setPaused(db: Db, now: Date): void {
  run(db, sql`UPDATE sync_state SET paused_at = coalesce(paused_at, ${now.toISOString()}) WHERE id = 1`);
}

export function clearPaused(db: Db): void {
  run(db, sql`UPDATE sync_state SET paused_at = NULL WHERE id = 1`);
}

export function setDecisionsCursor(db: Db, cursor: string | null): void {
  run(db, sql`UPDATE sync_state SET decisions_cursor = ${cursor} WHERE id = 1`);
}
