// The hall's word on a request (DESIGN §9 changes): kept on the node and moving its state. Applied
// at least once by the link's pull; applying a change a second time changes nothing.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import { VILLAGE_CHANGE_PAYLOADS, type VillageChange } from '../../contract/village.js';
import { appendAudit } from '../../hall/audit/chain.js';
import type { AgentDeps } from './agent-deps.js';
import type { RequestRecord } from './agent-store.js';
import { stateAfterChange } from './request-rules.js';

export type ChangeOutcome = 'applied' | 'already-applied' | 'unknown-request' | 'malformed';

/** Sets columns of the request's hall state; the keys are code, never input. */
function setHall(db: Db, requestId: string, at: string, fields: Record<string, string | number | null>): void {
  run(db, sql`INSERT INTO agent_hall_states (request_id, updated_at) VALUES (${requestId}, ${at}) ON CONFLICT DO NOTHING`);
  const allowed = ['case_no', 'received_at', 'received_by', 'discrepancies', 'correction', 'correction_round', 'accepted_at', 'due_date', 'rejected_reasons', 'decision', 'decided_at', 'concluded_at', 'delivered_ack_at'];
  const sets = Object.entries(fields).map(([k, v]) => sql`${sql.identifier(k, allowed)} = ${v}`);
  run(db, sql`UPDATE agent_hall_states SET ${sql.join([...sets, sql`updated_at = ${at}`], ', ')} WHERE request_id = ${requestId}`);
}

function hallFields(change: VillageChange, payload: Record<string, unknown>, round: number): Record<string, string | number | null> {
  const v = (k: string): string | null => (payload[k] ?? null) as string | null;
  const json = (k: string): string => JSON.stringify(payload[k] ?? []);
  const p = { caseNo: v('caseNo'), receivedAt: v('receivedAt'), receivedBy: v('receivedBy'), acceptedAt: v('acceptedAt'), dueDate: v('dueDate') };
  switch (change.kind) {
    case 'received':
      return { received_at: p.receivedAt, received_by: p.receivedBy, discrepancies: json('discrepancies') };
    case 'correction':
      return {
        case_no: p.caseNo,
        correction: JSON.stringify({ materials: payload.materials, note: payload.note, deadline: payload.deadline ?? null }),
        correction_round: round + 1,
      };
    case 'accepted':
      return { case_no: p.caseNo, accepted_at: p.acceptedAt, due_date: p.dueDate, correction: null };
    case 'rejected':
      return { case_no: p.caseNo, rejected_reasons: json('reasons') };
    case 'decided':
      return { case_no: p.caseNo, decision: v('decision'), decided_at: v('decidedAt') };
    case 'concluded':
      return { case_no: p.caseNo, concluded_at: v('concludedAt') };
    case 'delivered-ack':
      return { delivered_ack_at: v('deliveredAt') };
  }
}

export function applyHallChange(db: Db, deps: AgentDeps, change: VillageChange): ChangeOutcome {
  const parsed = VILLAGE_CHANGE_PAYLOADS[change.kind].safeParse(change.payload);
  if (!parsed.success) return 'malformed';
  const now = deps.clock.now();
  const at = now.toISOString();
  return db.transaction((): ChangeOutcome => {
    const seen = get(db, sql`SELECT 1 FROM agent_applied_changes WHERE kind = ${change.kind} AND cursor = ${change.cursor} AND request_id = ${change.requestId}`);
    if (seen) return 'already-applied';
    run(
      db,
      sql`INSERT INTO agent_applied_changes (request_id, kind, cursor, applied_at) VALUES (${change.requestId}, ${change.kind}, ${change.cursor}, ${at})`,
    );
    const r = get<RequestRecord>(db, sql`SELECT * FROM agent_requests WHERE request_id = ${change.requestId}`);
    if (!r) return 'unknown-request';
    const round = get<{ correction_round: number }>(db, sql`SELECT correction_round FROM agent_hall_states WHERE request_id = ${r.request_id}`);
    setHall(db, r.request_id, at, hallFields(change, parsed.data as Record<string, unknown>, round?.correction_round ?? 0));
    const next = stateAfterChange(r.state, change.kind);
    // A suspended request keeps its branch; the hall's move is where it resumes to.
    const suspendedNext = r.state === 'suspended' && r.suspended_from ? stateAfterChange(r.suspended_from, change.kind) : null;
    if (next) run(db, sql`UPDATE agent_requests SET state = ${next}, updated_at = ${at} WHERE request_id = ${r.request_id}`);
    else if (suspendedNext) run(db, sql`UPDATE agent_requests SET suspended_from = ${suspendedNext}, updated_at = ${at} WHERE request_id = ${r.request_id}`);
    else run(db, sql`UPDATE agent_requests SET updated_at = ${at} WHERE request_id = ${r.request_id}`);
    appendAudit(db, deps.actor(), now, {
      action: `agent.hall-${change.kind}`,
      entity: 'agent_request',
      entityId: r.request_id,
      before: r.state,
      after: next ?? r.state,
      detail: { cursor: change.cursor },
    });
    return 'applied';
  }).immediate();
}
