// What each kind of village record does at the hall (DOMAIN §4), inside the batch's transaction.
// A HallError thrown here rejects that one record (its savepoint is rolled back); the rest go on.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { ProvidedMaterial } from '../../contract/cases.js';
import type { AgentEventPayload, AgentRatingPayload, AgentRequestPayload, DeliveryPayload, HandoverPayload, VillageRecord } from '../../contract/village.js';
import { recordTransition } from '../cases/actions.js';
import { effectOf } from '../cases/action-effects.js';
import { checkListOf, findCase } from '../cases/case-store.js';
import type { CheckListRow } from '../cases/materials.js';
import { hallToday } from '../cases/intake.js';
import { nextStatus } from '../cases/state-machine.js';
import type { Clock } from '../clock.js';
import { conflict, domainRule } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { checkStageRating, stageStaff, type StageRefusals } from '../queue/case-ratings.js';
import { storeRating } from '../queue/ratings.js';
import { attachRequestScans } from './agent-case-scans.js';
import { agentRequestByRequestId, insertRequestEvent, type AgentRequestRow } from './agent-request-rows.js';
import { appendVillageChange } from './village-changes.js';
import type { VillageNode } from './village-node.js';

export interface ApplyContext {
  db: Db;
  clock: Clock;
  actor: Actor;
  node: VillageNode;
  now: Date;
  /** Where the hall keeps scans (null: none kept). */
  dataDir: string | null;
}

export function applyAgentRequest(c: ApplyContext, record: VillageRecord, p: AgentRequestPayload): void {
  const now = c.now.toISOString();
  const { lastInsertRowid } = run(
    c.db,
    sql`INSERT INTO agent_requests (request_id, village_code, agent_user_id, device_id, applicant_name, id_number, mobile, item_code, item_name,
                                    authorisation, materials, missing, duplicate_reason, state, authorised_at, created_at, updated_at)
        VALUES (${record.requestId}, ${p.villageCode}, ${c.node.agentUserId}, ${c.node.deviceId}, ${p.applicant.name}, ${p.applicant.residentId},
                ${p.applicant.mobile}, ${p.item.code}, ${p.item.name}, ${JSON.stringify(p.authorisation)}, ${JSON.stringify(p.materials)},
                ${JSON.stringify(p.missing)}, ${p.duplicateReason ?? null}, 'submitted', ${p.authorisation.authorisedAt}, ${now}, ${now})`,
  );
  insertRequestEvent(c.db, Number(lastInsertRowid), c.node.agentName, c.now, { action: 'authorised', note: p.duplicateReason ?? '', detail: { missing: p.missing } });
}

/** The node's materials against the case's check-list: counts as counted at the village, scans as electronic copies. */
const providedOf = (materials: AgentEventPayload['materials']) =>
  materials.map((m) => ({ name: m.name, originals: m.originals, copies: m.copies, electronic: m.scans.length }));

/**
 * The case's check-list after the node supplied a correction's materials: the case's own counts (as
 * the clerk took them at intake) with each supplied material's counts put in its place. The village's
 * first declaration is not the base: the clerk's count at the window is what the case holds.
 */
export function resubmittedMaterials(caseMaterials: readonly CheckListRow[], supplied: AgentEventPayload['materials']): ProvidedMaterial[] {
  const byName = new Map(providedOf(supplied).map((m) => [m.name, m]));
  const held = caseMaterials.map((m) => ({ ...(byName.get(m.name) ?? { name: m.name, originals: m.originals, copies: m.copies, electronic: m.electronic }), applicable: m.applicable }));
  const extra = [...byName.values()].filter((m) => !caseMaterials.some((c) => c.name === m.name));
  return [...held, ...extra];
}

function resubmitToCase(c: ApplyContext, r: AgentRequestRow, p: AgentEventPayload): void {
  const row = r.case_id !== null ? findCase(c.db, r.case_id) : undefined;
  if (!row || row.status !== 'correction') return;
  const after = nextStatus(row.status, 'resubmit');
  if (!after) return;
  // The case's own resubmit path: the whole check-list again, then the clerk accepts at the window.
  const body = { action: 'resubmit' as const, materials: resubmittedMaterials(checkListOf(c.db, row.id), p.materials) };
  const effect = effectOf(c.db, row, body, c.now, hallToday(c.db, c.clock));
  const resubmitted = recordTransition(c.db, c.actor, c.now, row, { action: 'resubmit', before: row.status, after, note: p.note || null, ...effect });
  // The correction's scans join the case's, as the first ones did at intake.
  attachRequestScans(c.db, c.dataDir, c.actor, c.now, resubmitted, { materials: p.materials, agentUserId: r.agent_user_id });
}

export function applyAgentEvent(c: ApplyContext, r: AgentRequestRow, p: AgentEventPayload): void {
  if (r.state === 'terminated' || r.state === 'delivered') throw conflict('agent_request_closed', { requestId: r.request_id });
  let state: AgentRequestRow['state'] = r.state;
  if (p.action === 'resubmit') {
    resubmitToCase(c, r, p);
    const merged = new Map((JSON.parse(r.materials) as Array<{ name: string }>).map((m) => [m.name, m]));
    for (const m of p.materials) merged.set(m.name, m);
    const supplied = new Set(p.materials.map((m) => m.name));
    const missing = (JSON.parse(r.missing) as string[]).filter((n) => !supplied.has(n));
    run(c.db, sql`UPDATE agent_requests SET materials = ${JSON.stringify([...merged.values()])}, missing = ${JSON.stringify(missing)} WHERE id = ${r.id}`);
  } else if (p.action === 'suspend') {
    state = 'suspended';
  } else if (p.action === 'resume') {
    state = r.case_id !== null ? 'in_case' : r.received_at !== null ? 'received' : r.handover_id !== null ? 'handed_over' : 'submitted';
  } else {
    state = 'terminated';
  }
  run(c.db, sql`UPDATE agent_requests SET state = ${state}, updated_at = ${c.now.toISOString()} WHERE id = ${r.id}`);
  insertRequestEvent(c.db, r.id, c.node.agentName, c.now, { action: p.action, note: p.note, detail: { materials: p.materials.map((m) => m.name) } });
}

export function applyHandover(c: ApplyContext, r: AgentRequestRow, p: HandoverPayload): void {
  const batch = get<{ agent_user_id: number }>(c.db, sql`SELECT agent_user_id FROM agent_handovers WHERE handover_id = ${p.handoverId}`);
  if (batch && batch.agent_user_id !== c.node.agentUserId) throw conflict('handover_other_agent', { handoverId: p.handoverId });
  if (!batch) {
    run(
      c.db,
      sql`INSERT INTO agent_handovers (handover_id, agent_user_id, device_id, handed_at, batch_size, created_at)
          VALUES (${p.handoverId}, ${c.node.agentUserId}, ${c.node.deviceId}, ${p.handedAt}, ${p.batchSize}, ${c.now.toISOString()})`,
    );
  }
  run(
    c.db,
    sql`INSERT INTO agent_handover_lines (handover_id, agent_request_id, declared) VALUES (${p.handoverId}, ${r.id}, ${JSON.stringify(p.materials)})
        ON CONFLICT (handover_id, agent_request_id) DO UPDATE SET declared = excluded.declared`,
  );
  const state = r.state === 'submitted' ? 'handed_over' : r.state;
  run(c.db, sql`UPDATE agent_requests SET handover_id = ${p.handoverId}, state = ${state}, updated_at = ${c.now.toISOString()} WHERE id = ${r.id}`);
  insertRequestEvent(c.db, r.id, c.node.agentName, c.now, { action: 'handed-over', note: '', detail: { handoverId: p.handoverId } });
}

/** 送达 at the village. If the case is concluded, its deliver step is taken too (the result left the
 *  hall with the agent, or by post); otherwise the case is left as it is and only the request moves. */
export function applyDelivery(c: ApplyContext, r: AgentRequestRow, p: DeliveryPayload): void {
  run(
    c.db,
    sql`INSERT INTO agent_deliveries (agent_request_id, method, delivered_at, receiver_name, receiver_signature, recorded_at)
        VALUES (${r.id}, ${p.method}, ${p.deliveredAt}, ${p.receiverName}, ${p.receiverSignature ?? null}, ${c.now.toISOString()})`,
  );
  const row = r.case_id !== null ? findCase(c.db, r.case_id) : undefined;
  if (row && row.status === 'concluded') {
    const body = { action: 'deliver' as const, method: p.method === 'post' ? ('post' as const) : ('window' as const) };
    const effect = effectOf(c.db, row, body, c.now, hallToday(c.db, c.clock));
    recordTransition(c.db, c.actor, c.now, row, { action: 'deliver', before: 'concluded', after: 'delivered', note: null, ...effect, extra: { ...effect.extra, agentDelivery: { method: p.method, deliveredAt: p.deliveredAt } } });
  }
  run(c.db, sql`UPDATE agent_requests SET state = 'delivered', updated_at = ${c.now.toISOString()} WHERE id = ${r.id}`);
  insertRequestEvent(c.db, r.id, c.node.agentName, c.now, { action: 'delivered', note: '', detail: { method: p.method, deliveredAt: p.deliveredAt } });
  appendVillageChange(c.db, r, 'delivered-ack', { deliveredAt: p.deliveredAt }, c.now);
}

/** Refusals the agent's node shows beside the rating it could not deliver. */
const AGENT_REFUSALS: StageRefusals = {
  notReached: (_caseNo, stage) => domainRule('agent_rating_stage', { stage }),
  rated: (_caseNo, stage) => conflict('agent_rating_taken', { stage }),
  tooLate: (days) => domainRule('agent_rating_too_late', { days }),
};

/** The villager's rating of a stage of the case, taken by the agent: the hall's ratings module stores
 *  it with channel `agent` (and so it goes to the county like every rating). The period of DOMAIN §3
 *  is judged at the moment the villager rated (the node may be offline for days after), never later
 *  than the hall's now. */
export function applyRating(c: ApplyContext, r: AgentRequestRow, p: AgentRatingPayload): void {
  const row = r.case_id !== null ? findCase(c.db, r.case_id) : undefined;
  const stage = p.stage === 'accept' ? 'accepted' : 'concluded';
  if (!row) throw AGENT_REFUSALS.notReached('', stage);
  const ratedAt = Date.parse(p.ratedAt);
  checkStageRating(c.db, row, stage, new Date(Number.isNaN(ratedAt) ? c.now.getTime() : Math.min(ratedAt, c.now.getTime())), AGENT_REFUSALS);
  const rating = storeRating(
    c.db,
    c.now,
    c.actor,
    { ticket: null, case: { id: row.id, caseNo: row.case_no, stage }, channel: 'agent', deviceId: c.node.deviceId, staff: stageStaff(c.db, row.id, stage) },
    { level: p.level, indicators: p.indicators ?? undefined, comment: p.comment },
  );
  run(c.db, sql`INSERT INTO agent_ratings (agent_request_id, stage, rating_id, level, rated_at) VALUES (${r.id}, ${p.stage}, ${rating.id}, ${p.level}, ${p.ratedAt})`);
  insertRequestEvent(c.db, r.id, c.node.agentName, c.now, { action: 'rated', note: '', detail: { stage, level: p.level } });
}

export { agentRequestByRequestId };
