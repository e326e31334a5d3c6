// The county's decisions on cases the hall forwarded (转报), pulled with a persisted cursor (DESIGN §8).
// Each decision is stored once (case + cursor), then handed to applyCountyDecision, which moves the
// forwarded case to decided. A decision for a case not forwarded yet stays "received, not yet
// applied" (counted in /sync/status) and is offered again on a later cycle.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { CountyDecision } from '../../contract/county.js';
import { applyDecisionToCase } from '../cases/county-decision.js';
import { setDecisionsCursor } from './sync-state.js';

export interface StoredDecision {
  id: number;
  caseNo: string;
  decision: 'approved' | 'denied';
  decidedAt: string;
  note: string | null;
}

/**
 * Moves the case to decided and tells the back office, inside the storing transaction; returns
 * 'applied', or 'not_yet' to be offered the decision again on the next cycle. Must be idempotent:
 * a decision already on the case changes nothing.
 */
export type ApplyCountyDecision = (db: Db, decision: StoredDecision, now: Date) => 'applied' | 'not_yet';

/** The cases feature's hook; the host wraps it to tell the back office (server.ts). */
export const applyCountyDecision: ApplyCountyDecision = (db, decision, now) => applyDecisionToCase(db, decision, now);

interface DecisionRow {
  id: number;
  case_no: string;
  decision: 'approved' | 'denied';
  decided_at: string;
  note: string | null;
}

function applyOne(db: Db, row: DecisionRow, now: Date, apply: ApplyCountyDecision): boolean {
  const outcome = apply(db, { id: row.id, caseNo: row.case_no, decision: row.decision, decidedAt: row.decided_at, note: row.note }, now);
  if (outcome !== 'applied') return false;
  run(db, sql`UPDATE county_decisions SET applied_at = ${now.toISOString()} WHERE id = ${row.id}`);
  return true;
}

/** Stores one page and moves the cursor past it, in one transaction. Returns how many were new. */
export function storeDecisionPage(db: Db, now: Date, decisions: readonly CountyDecision[], cursor: string | null, apply: ApplyCountyDecision): { received: number; applied: number } {
  return db.transaction(() => {
    let received = 0;
    let applied = 0;
    for (const d of decisions) {
      const { changes, lastInsertRowid } = run(
        db,
        sql`INSERT INTO county_decisions (case_no, decision, decided_at, note, cursor, received_at)
            VALUES (${d.caseNo}, ${d.decision}, ${d.decidedAt}, ${d.note ?? null}, ${d.cursor}, ${now.toISOString()})
            ON CONFLICT (case_no, cursor) DO NOTHING`,
      );
      if (changes === 0) continue;
      received += 1;
      const row = get<DecisionRow>(db, sql`SELECT id, case_no, decision, decided_at, note FROM county_decisions WHERE id = ${Number(lastInsertRowid)}`)!;
      if (applyOne(db, row, now, apply)) applied += 1;
    }
    setDecisionsCursor(db, cursor);
    return { received, applied };
  }).immediate();
}

/** Offers the hook every decision it has not applied yet (at most `limit` per cycle). */
export function applyPendingDecisions(db: Db, now: Date, apply: ApplyCountyDecision, limit = 500): number {
  return db.transaction(() => {
    const rows = all<DecisionRow>(db, sql`SELECT id, case_no, decision, decided_at, note FROM county_decisions WHERE applied_at IS NULL ORDER BY id LIMIT ${limit}`);
    return rows.filter((row) => applyOne(db, row, now, apply)).length;
  }).immediate();
}

/** Received from the counter the triggers keep (migration 22), the few not yet applied through their
 *  partial index: no read of every decision ever received. */
export function decisionCounts(db: Db): { received: number; applied: number; pendingApply: number } {
  const received = get<{ n: number }>(db, sql`SELECT n FROM sync_counts WHERE name = 'decisions'`)?.n ?? 0;
  const pendingApply = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM county_decisions WHERE applied_at IS NULL`)!.n;
  return { received, applied: received - pendingApply, pendingApply };
}
