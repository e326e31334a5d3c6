// Later steps at the village: materials supplied for a correction, 中止/续办/终止, 送达, the
// villager's rating, 归档, and removing records a set time after the hall confirmed delivery.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { DeliveryRequest, RatingRequest, ResubmitRequest, SideStepRequest } from '../../contract/agent-node.js';
import { appendAudit } from '../../hall/audit/chain.js';
import { conflict } from '../../hall/http/errors.js';
import type { AgentDeps } from './agent-deps.js';
import { agentSettings, requestRecord, type RequestRecord } from './agent-store.js';
import { writeMaterials } from './request-service.js';
import { stateAfter, type AgentAction } from './request-rules.js';

/** Steps taken before the agent-request record exists stay on the node; later ones go to the hall. */
function recordSent(r: RequestRecord): boolean {
  return r.collected_at !== null;
}

function step(db: Db, deps: AgentDeps, requestId: string, action: AgentAction, extra: (r: RequestRecord, at: string) => void, note = ''): void {
  const now = deps.clock.now();
  const at = now.toISOString();
  db.transaction(() => {
    const r = requestRecord(db, requestId);
    const next = stateAfter(r.state, action, r.suspended_from);
    if (!next) throw conflict('agent_state', { state: r.state });
    run(
      db,
      sql`UPDATE agent_requests SET state = ${next}, suspended_from = ${action === 'suspend' ? r.state : null}, updated_at = ${at}
          WHERE request_id = ${requestId}`,
    );
    extra(r, at);
    appendAudit(db, deps.actor(), now, { action: `agent.${action}`, entity: 'agent_request', entityId: requestId, before: r.state, after: next, note: note || null });
  }).immediate();
}

/** Materials the hall asked for in its correction, supplied and sent with an `agent-event` resubmit. */
export function resubmit(db: Db, deps: AgentDeps, requestId: string, input: ResubmitRequest): void {
  step(
    db,
    deps,
    requestId,
    'resubmit',
    (_r, at) => {
      const round = get<{ correction_round: number }>(db, sql`SELECT correction_round FROM agent_hall_states WHERE request_id = ${requestId}`);
      writeMaterials(db, requestId, input.materials, round?.correction_round ?? 1);
      deps.appendRecord(db, { kind: 'agent-event', requestId, occurredAt: at, payload: { action: 'resubmit', materials: input.materials, note: input.note } });
    },
    input.note,
  );
}

/** 中止 / 续办 / 终止 (DB3205/T 1077-2023); the hall hears of them once it knows the request. */
export function sideStep(db: Db, deps: AgentDeps, requestId: string, input: SideStepRequest): void {
  step(
    db,
    deps,
    requestId,
    input.action,
    (r, at) => {
      if (recordSent(r)) {
        deps.appendRecord(db, { kind: 'agent-event', requestId, occurredAt: at, payload: { action: input.action, materials: [], note: input.note } });
      }
    },
    input.note,
  );
}

export function deliver(db: Db, deps: AgentDeps, requestId: string, input: DeliveryRequest): void {
  step(db, deps, requestId, 'deliver', (_r, at) => {
    run(
      db,
      sql`INSERT INTO agent_deliveries (request_id, method, delivered_at, receiver_name, receiver_signature)
          VALUES (${requestId}, ${input.method}, ${at}, ${input.receiverName}, ${input.receiverSignature ?? null})`,
    );
    deps.appendRecord(db, {
      kind: 'delivery',
      requestId,
      occurredAt: at,
      payload: { method: input.method, deliveredAt: at, receiverName: input.receiverName, receiverSignature: input.receiverSignature ?? null },
    });
  });
}

/** The stage a rating may be taken at: accept once the hall accepted, conclude once it concluded. */
const RATEABLE: Record<RatingRequest['stage'], readonly string[]> = {
  accept: ['accepted', 'decided', 'concluded', 'delivered'],
  conclude: ['concluded', 'delivered'],
};

export function rate(db: Db, deps: AgentDeps, requestId: string, input: RatingRequest): void {
  const now = deps.clock.now();
  const at = now.toISOString();
  db.transaction(() => {
    const r = requestRecord(db, requestId);
    if (!RATEABLE[input.stage].includes(r.state)) throw conflict('agent_state', { state: r.state });
    if (get(db, sql`SELECT 1 FROM agent_ratings WHERE request_id = ${requestId} AND stage = ${input.stage}`)) throw conflict('rating_exists');
    const indicators = input.indicators ?? null;
    run(
      db,
      sql`INSERT INTO agent_ratings (request_id, stage, level, indicators, comment, rated_at)
          VALUES (${requestId}, ${input.stage}, ${input.level}, ${indicators ? JSON.stringify(indicators) : null}, ${input.comment}, ${at})`,
    );
    deps.appendRecord(db, {
      kind: 'rating',
      requestId,
      occurredAt: at,
      payload: { stage: input.stage, level: input.level, indicators, comment: input.comment, ratedAt: at },
    });
    appendAudit(db, deps.actor(), now, { action: 'agent.rate', entity: 'agent_request', entityId: requestId, detail: { stage: input.stage, level: input.level } });
  }).immediate();
}

export function archive(db: Db, deps: AgentDeps, requestId: string): void {
  step(db, deps, requestId, 'archive', () => undefined);
}

/** Removes delivered requests whose delivery the hall confirmed more than the set days ago. */
export function purgeConfirmed(db: Db, deps: AgentDeps): number {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - agentSettings(db).purgeDays * 86_400_000).toISOString();
  return db.transaction(() => {
    const ids = all<{ request_id: string }>(
      db,
      sql`SELECT r.request_id FROM agent_requests r JOIN agent_hall_states h ON h.request_id = r.request_id
          WHERE r.state IN ('delivered', 'archived') AND h.delivered_ack_at IS NOT NULL AND h.delivered_ack_at < ${cutoff}`,
    ).map((r) => r.request_id);
    for (const id of ids) removeRequest(db, id);
    if (ids.length > 0) appendAudit(db, deps.actor(), now, { action: 'agent.purge', entity: 'agent_request', detail: { count: ids.length, before: cutoff } });
    return ids.length;
  }).immediate();
}

function removeRequest(db: Db, requestId: string): void {
  run(db, sql`DELETE FROM agent_requests WHERE request_id = ${requestId}`);
  run(db, sql`DELETE FROM agent_applied_changes WHERE request_id = ${requestId}`);
}

/** A revoked node forgets every agent record (the link calls this in its wipe). */
export function wipeAgentRecords(db: Db): void {
  db.transaction(() => {
    for (const table of ['agent_ratings', 'agent_deliveries', 'agent_hall_states', 'agent_materials', 'agent_applied_changes', 'agent_requests', 'agent_handovers']) {
      db.prepare(`DELETE FROM ${table}`).run();
    }
  }).immediate();
}
