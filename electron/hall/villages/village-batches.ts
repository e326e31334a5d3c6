// POST /village/batches (DESIGN §9): each record is parsed on its own, stored once by its recordId
// (a replay answers `duplicate` with the same receipt), taken in per-request order (seq n only after
// n - 1; a record that must wait gets no result and the node sends it again), only for the node's
// agent's villages, and only once every scan it names is complete. The accepted records of one batch
// commit in one transaction with their audit rows.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { RecordResult } from '../../contract/county.js';
import { fieldIssues } from '../../contract/field-issues.js';
import { VILLAGE_PAYLOADS, VillageRecord, type AgentRequestPayload, type VillageBatch, type VillageRecordKind } from '../../contract/village.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { HallError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import type { AgentRequestRow } from './agent-request-rows.js';
import { agentRequestByRequestId, applyAgentEvent, applyAgentRequest, applyDelivery, applyHandover, applyRating, type ApplyContext } from './record-apply.js';
import { scanComplete } from './village-scans.js';
import type { VillageNode } from './village-node.js';

type Outcome = RecordResult | null;

const rejected = (recordId: string, reason: string): RecordResult => ({ recordId, status: 'rejected', reason });

/** "payload.applicant.residentId: invalid_resident_id; …" — the fields a node's operator must fix. */
function reasonOf(error: import('zod').ZodError, input: unknown, prefix: string): string {
  return fieldIssues(error, input)
    .map((i) => `${prefix}${i.field}: ${i.code}`)
    .join('; ');
}

/** Every scan a record names, by its SHA-256. */
export function scansNamed(kind: VillageRecordKind, payload: Record<string, unknown>): string[] {
  const materials = (payload.materials as Array<{ scans?: string[] }> | undefined) ?? [];
  const names = kind === 'handover' ? [] : materials.flatMap((m) => m.scans ?? []);
  if (kind === 'agent-request') names.push((payload as unknown as AgentRequestPayload).authorisation.signature.sha256);
  if (kind === 'delivery' && typeof payload.receiverSignature === 'string') names.push(payload.receiverSignature);
  return names;
}

function receiveOne(c: ApplyContext, raw: unknown): Outcome {
  const parsed = VillageRecord.safeParse(raw);
  const rawId = typeof (raw as { recordId?: unknown } | null)?.recordId === 'string' ? (raw as { recordId: string }).recordId : null;
  if (!parsed.success) return rawId && rawId.length <= 64 ? rejected(rawId, reasonOf(parsed.error, raw, '')) : null;
  const record = parsed.data;
  const stored = get<{ receipt_id: string; request_id: string }>(c.db, sql`SELECT receipt_id, request_id FROM village_records WHERE record_id = ${record.recordId}`);
  if (stored) {
    const owner = agentRequestByRequestId(c.db, stored.request_id);
    return owner?.agent_user_id === c.node.agentUserId
      ? { recordId: record.recordId, status: 'duplicate', receiptId: stored.receipt_id }
      : rejected(record.recordId, 'recordId: record_id_taken');
  }
  const payload = VILLAGE_PAYLOADS[record.kind].safeParse(record.payload);
  if (!payload.success) return rejected(record.recordId, reasonOf(payload.error, record.payload, 'payload.'));
  const data = payload.data as Record<string, unknown>;

  const request = agentRequestByRequestId(c.db, record.requestId);
  if (record.seq === 1 || record.kind === 'agent-request') {
    if (record.seq !== 1 || record.kind !== 'agent-request') return rejected(record.recordId, 'seq: agent_request_first');
    if (request) return rejected(record.recordId, 'seq: seq_taken');
    const village = (data as AgentRequestPayload).villageCode;
    if (!c.node.villageCodes.has(village)) return rejected(record.recordId, `payload.villageCode: village_not_agents (${village})`);
  } else {
    // Its request has not arrived yet, or an earlier step of it has not: wait, the node sends again.
    if (!request) return null;
    if (request.agent_user_id !== c.node.agentUserId) return rejected(record.recordId, 'requestId: request_of_other_agent');
    if (!c.node.villageCodes.has(request.village_code)) return rejected(record.recordId, `requestId: village_not_agents (${request.village_code})`);
    if (record.seq <= request.last_seq) return rejected(record.recordId, 'seq: seq_taken');
    if (record.seq > request.last_seq + 1) return null;
  }
  if (!scansNamed(record.kind, data).every((sha) => scanComplete(c.db, c.dataDir, sha))) return null;

  try {
    return c.db.transaction((): RecordResult => {
      const receiptId = randomUUID();
      run(
        c.db,
        sql`INSERT INTO village_records (record_id, request_id, seq, kind, receipt_id, device_id, occurred_at, received_at, payload)
            VALUES (${record.recordId}, ${record.requestId}, ${record.seq}, ${record.kind}, ${receiptId}, ${c.node.deviceId}, ${record.occurredAt},
                    ${c.now.toISOString()}, ${JSON.stringify(data)})`,
      );
      applyRecord(c, record, data, request);
      run(c.db, sql`UPDATE agent_requests SET last_seq = ${record.seq} WHERE request_id = ${record.requestId}`);
      appendAudit(c.db, c.actor, c.now, {
        action: `village-${record.kind}`,
        entity: 'agent-request',
        entityId: record.requestId,
        detail: { recordId: record.recordId, seq: record.seq, receiptId },
      });
      return { recordId: record.recordId, status: 'accepted', receiptId };
    })();
  } catch (err) {
    if (err instanceof HallError) return rejected(record.recordId, err.code === 'validation' ? validationReason(err) : err.messageKey);
    throw err;
  }
}

function validationReason(err: HallError): string {
  const issues = (err.details as Array<{ field: string; code: string }> | undefined) ?? [];
  return issues.map((i) => `${i.field}: ${i.code}`).join('; ') || 'validation';
}

function applyRecord(c: ApplyContext, record: VillageRecord, data: Record<string, unknown>, request: AgentRequestRow | undefined): void {
  if (record.kind === 'agent-request') return applyAgentRequest(c, record, data as never);
  const r = request!;
  switch (record.kind) {
    case 'agent-event':
      return applyAgentEvent(c, r, data as never);
    case 'handover':
      return applyHandover(c, r, data as never);
    case 'delivery':
      return applyDelivery(c, r, data as never);
    case 'rating':
      return applyRating(c, r, data as never);
  }
}

export function receiveVillageBatch(db: Db, clock: Clock, actor: Actor, node: VillageNode, dataDir: string | null, batch: VillageBatch): RecordResult[] {
  return db.transaction((): RecordResult[] => {
    const c: ApplyContext = { db, clock, actor, node, now: clock.now(), dataDir };
    return batch.records.flatMap((raw) => {
      const outcome = receiveOne(c, raw);
      return outcome ? [outcome] : [];
    });
  }).immediate();
}
