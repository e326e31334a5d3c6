// The village side of agent cases, handed to the case module at start (cases/agent-link.ts): the
// intake binds a received request to its case, and each transition of the case becomes a change the
// node pulls (DESIGN §9), in the transition's own transaction.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { CorrectionEntry } from '../../contract/cases.js';
import type { AgentMaterial, VillageChangeKind } from '../../contract/village.js';
import type { AgentCaseLink, AgentOfCase, CaseTransitionFacts } from '../cases/agent-link.js';
import type { CaseRow } from '../cases/case-store.js';
import { correctionDeadline } from '../cases/correction-notices.js';
import { conflict, validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { attachRequestScans } from './agent-case-scans.js';
import { agentRequestById, insertRequestEvent } from './agent-request-rows.js';
import { appendVillageChange } from './village-changes.js';

function takeRequest(db: Db, agentRequestId: number, caseId: number, at: Date): AgentOfCase {
  const r = agentRequestById(db, agentRequestId);
  if (!r) throw validationError([{ field: 'agentRequestId', code: 'unknown_agent_request' }]);
  if (r.case_id !== null) throw conflict('agent_request_taken', { requestId: r.request_id });
  // The clerk counts the hand-over first (移交清单), then takes the request in.
  if (r.state !== 'received') throw conflict('agent_request_not_received', { requestId: r.request_id });
  run(db, sql`UPDATE agent_requests SET case_id = ${caseId}, state = 'in_case', updated_at = ${at.toISOString()} WHERE id = ${r.id}`);
  const names = get<{ agent_name: string; village_name: string }>(
    db,
    sql`SELECT u.display_name AS agent_name, v.name AS village_name FROM users u, villages v WHERE u.id = ${r.agent_user_id} AND v.code = ${r.village_code}`,
  );
  return { agentUserId: r.agent_user_id, agentName: names?.agent_name ?? '', villageCode: r.village_code, villageName: names?.village_name ?? '' };
}

/** The change a node hears of for a case transition, or null for steps the node has no use for. */
export function changeOf(db: Db, row: CaseRow, f: CaseTransitionFacts): { kind: VillageChangeKind; payload: Record<string, unknown> } | null {
  const caseNo = row.case_no;
  switch (f.action) {
    case 'request-correction': {
      const corrections = (f.extra.corrections as CorrectionEntry[] | undefined) ?? [];
      const reasons = corrections.map((c) => `${c.name}：${c.reason}`).join('；');
      // The same last day the 补正告知书 prints, so the agent can tell the villager.
      const deadline = correctionDeadline(db, f.at);
      return { kind: 'correction', payload: { caseNo, materials: corrections.map((c) => c.name), note: [reasons, f.note ?? ''].filter(Boolean).join('\n'), deadline } };
    }
    case 'accept':
      return { kind: 'accepted', payload: { caseNo, acceptedAt: row.accepted_at ?? f.at.toISOString(), dueDate: row.due_date } };
    case 'reject':
      return { kind: 'rejected', payload: { caseNo, reasons: (f.extra.reasons as string[] | undefined) ?? [f.note ?? '—'] } };
    case 'approve':
    case 'deny':
    case 'county-decision':
      return {
        kind: 'decided',
        payload: { caseNo, decision: row.decision ?? (f.action === 'deny' ? 'denied' : 'approved'), decidedAt: row.decided_at ?? f.at.toISOString(), note: f.note ?? '' },
      };
    case 'conclude':
      return { kind: 'concluded', payload: { caseNo, concludedAt: row.concluded_at ?? f.at.toISOString() } };
    default:
      return null;
  }
}

function afterTransition(db: Db, row: CaseRow, f: CaseTransitionFacts): void {
  const r = row.agent_request_id !== null ? agentRequestById(db, row.agent_request_id) : undefined;
  if (!r || r.case_id !== row.id) return;
  insertRequestEvent(db, r.id, f.actor.name, f.at, { action: `case-${f.action}`, note: f.note ?? '', detail: { caseNo: row.case_no, status: f.after } });
  const change = changeOf(db, row, f);
  if (change) appendVillageChange(db, r, change.kind, change.payload, f.at);
}

/** The request's scans become the case's (agent-case-scans.ts). */
function afterIntake(dataDir: string | null, db: Db, row: CaseRow, actor: Actor, at: Date): CaseRow {
  const r = row.agent_request_id !== null ? agentRequestById(db, row.agent_request_id) : undefined;
  if (!r) return row;
  return attachRequestScans(db, dataDir, actor, at, row, { materials: JSON.parse(r.materials) as AgentMaterial[], agentUserId: r.agent_user_id });
}

/** `dataDir`: where the hall keeps scans (null: a hall without files, whose cases get none). */
export const villageAgentCaseLink = (dataDir: string | null): AgentCaseLink => ({
  takeRequest,
  afterTransition,
  afterIntake: (db, row, actor, at) => afterIntake(dataDir, db, row, actor, at),
});
