// What the back office hears about cases, after the change commits. Events carry no personal data:
// the screens reload the row they need through the (masking) API.
import type { Db } from '../../../db/connection.js';
import type { Caller } from '../http/principal.js';
import type { EventHub } from '../events/hub.js';
import type { ApplyCountyDecision } from '../sync/decisions.js';
import { findCase, type CaseRow } from './case-store.js';
import { applyDecisionToCase } from './county-decision.js';

export const CASE_AUDIENCE: readonly Caller[] = ['clerk', 'backoffice', 'supervisor', 'admin'];
const BACK_OFFICE: readonly Caller[] = ['backoffice', 'supervisor', 'admin'];

export const caseEventData = (r: CaseRow, before: string | null) => ({
  id: r.id,
  caseNo: r.case_no,
  status: r.status,
  before,
  itemCode: r.item_code,
  dueDate: r.due_date,
});

export function publishCase(events: EventHub, type: 'case.created' | 'case.updated', r: CaseRow, before: string | null): void {
  events.publish(type, caseEventData(r, before), CASE_AUDIENCE);
}

/**
 * The county-decision hook with `case.decided` told to the back office. The hook runs inside the
 * decision store's transaction, so the event waits for the next turn of the event loop (after the
 * commit) and goes out only if the transition is there then — a rolled-back store says nothing.
 */
export function decisionHookWithEvents(db: Db, events: EventHub): ApplyCountyDecision {
  return (database, decision, now) =>
    applyDecisionToCase(database, decision, now, (row) => {
      setImmediate(() => {
        const current = findCase(db, row.id);
        if (!current || current.last_seq < row.last_seq) return;
        events.publish('case.decided', { ...caseEventData(current, 'forwarded'), decision: current.decision }, BACK_OFFICE);
        events.publish('case.updated', caseEventData(current, 'forwarded'), CASE_AUDIENCE);
      });
    });
}
