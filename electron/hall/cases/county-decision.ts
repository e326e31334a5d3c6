// A county decision on a forwarded case (转报, DESIGN §8) moves it to decided. Runs inside the
// decision store's transaction; idempotent: a decision already on the case changes nothing.
import type { Db } from '../../../db/connection.js';
import { sql } from '../../../db/sql.js';
import type { Actor } from '../http/principal.js';
import type { StoredDecision } from '../sync/decisions.js';
import { recordTransition } from './actions.js';
import { caseByNo, type CaseRow } from './case-store.js';

const COUNTY_ACTOR: Actor = { kind: 'system', id: null, name: 'county', terminal: 'county-platform' };

/** States a county decision can no longer change: decided already, or closed without a decision. */
const SETTLED = ['decided', 'concluded', 'delivered', 'withdrawn', 'rejected'];

export function applyDecisionToCase(db: Db, d: StoredDecision, now: Date, onDecided?: (row: CaseRow) => void): 'applied' | 'not_yet' {
  return db.transaction((): 'applied' | 'not_yet' => {
    const r = caseByNo(db, d.caseNo);
    // A decision for a case this hall has not forwarded (yet) waits; the next cycle offers it again.
    if (!r) return 'not_yet';
    if (SETTLED.includes(r.status)) return 'applied';
    if (r.status !== 'forwarded') return 'not_yet';
    const row = recordTransition(db, COUNTY_ACTOR, now, r, {
      action: 'county-decision',
      before: 'forwarded',
      after: 'decided',
      note: d.note,
      set: [sql`decision = ${d.decision}`, sql`decided_by = 'county'`, sql`decided_at = ${new Date(Date.parse(d.decidedAt) || now.getTime()).toISOString()}`],
      extra: { decision: d.decision, decidedBy: 'county', decidedAt: d.decidedAt, countyDecisionId: d.id },
    });
    onDecided?.(row);
    return 'applied';
  })();
}
