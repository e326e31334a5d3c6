// Reading the agent's records: one request as the screens show it, and the rows of the lists.
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import {
  AgentDraft,
  DEFAULT_HANDOVER_WORKING_DAYS,
  DEFAULT_PURGE_DAYS,
  type AgentMaterialView,
  type AgentRequestDetail,
  type AgentRequestRow,
  type AgentState,
  type HallStateView,
} from '../../contract/agent-node.js';
import { notFound } from '../../hall/http/errors.js';
import { isHandoverLate, isOpen, maskResidentId } from './request-rules.js';

export interface RequestRecord {
  request_id: string;
  state: AgentState;
  draft: string;
  village_code: string;
  applicant_name: string;
  resident_id: string;
  mobile: string;
  item_code: string;
  item_name: string;
  scope: string;
  valid_from: string | null;
  valid_until: string | null;
  signature_kind: string | null;
  signature_sha256: string | null;
  authorised_at: string | null;
  authorised_date: string | null;
  handover_due: string | null;
  collected_at: string | null;
  missing: string;
  duplicate_reason: string | null;
  handover_id: string | null;
  handed_over_at: string | null;
  suspended_from: AgentState | null;
  created_at: string;
  updated_at: string;
}

interface MaterialRecord {
  name: string;
  required: number;
  expected_originals: number;
  expected_copies: number;
  originals: number;
  copies: number;
  scans: string;
  round: number;
}

interface HallRecord {
  case_no: string | null;
  received_at: string | null;
  correction: string | null;
  due_date: string | null;
  rejected_reasons: string;
  decision: 'approved' | 'denied' | null;
  decided_at: string | null;
  concluded_at: string | null;
  delivered_ack_at: string | null;
}

export function requestRecord(db: Db, requestId: string): RequestRecord {
  const row = get<RequestRecord>(db, sql`SELECT * FROM agent_requests WHERE request_id = ${requestId}`);
  if (!row) throw notFound();
  return row;
}

export function materialsOf(db: Db, requestId: string): AgentMaterialView[] {
  return all<MaterialRecord>(db, sql`SELECT * FROM agent_materials WHERE request_id = ${requestId} ORDER BY round, position`).map((m) => ({
    name: m.name,
    required: m.required === 1,
    expectedOriginals: m.expected_originals,
    expectedCopies: m.expected_copies,
    originals: m.originals,
    copies: m.copies,
    scans: JSON.parse(m.scans) as string[],
    round: m.round,
  }));
}

function hallStateOf(db: Db, requestId: string): HallStateView {
  const h = get<HallRecord>(db, sql`SELECT * FROM agent_hall_states WHERE request_id = ${requestId}`);
  return {
    caseNo: h?.case_no ?? null,
    receivedAt: h?.received_at ?? null,
    dueDate: h?.due_date ?? null,
    correction: h?.correction ? (JSON.parse(h.correction) as HallStateView['correction']) : null,
    rejectedReasons: h ? (JSON.parse(h.rejected_reasons) as string[]) : [],
    decision: h?.decision ?? null,
    decidedAt: h?.decided_at ?? null,
    concludedAt: h?.concluded_at ?? null,
    deliveredAckAt: h?.delivered_ack_at ?? null,
  };
}

export function rowOf(r: RequestRecord, caseNo: string | null, today: string): AgentRequestRow {
  return {
    requestId: r.request_id,
    state: r.state,
    villageCode: r.village_code,
    applicantName: r.applicant_name,
    residentIdMasked: maskResidentId(r.resident_id),
    itemName: r.item_name,
    authorisedAt: r.authorised_at,
    handedOverAt: r.handed_over_at,
    handoverDue: r.handover_due,
    handoverLate: isHandoverLate(r.handover_due, r.handed_over_at?.slice(0, 10) ?? null, today),
    caseNo,
    updatedAt: r.updated_at,
  };
}

/** Other open requests of this villager for this item (the soft duplicate warning). */
export function openDuplicatesOf(db: Db, requestId: string, residentId: string, itemCode: string): string[] {
  if (!residentId || !itemCode) return [];
  return all<{ request_id: string; state: AgentState }>(
    db,
    sql`SELECT request_id, state FROM agent_requests
        WHERE resident_id = ${residentId} AND item_code = ${itemCode} AND request_id <> ${requestId}`,
  )
    .filter((r) => isOpen(r.state))
    .map((r) => r.request_id);
}

export function requestDetail(db: Db, requestId: string, today: string): AgentRequestDetail {
  const r = requestRecord(db, requestId);
  const hall = hallStateOf(db, requestId);
  const delivery = get<{ method: string; delivered_at: string; receiver_name: string }>(
    db,
    sql`SELECT method, delivered_at, receiver_name FROM agent_deliveries WHERE request_id = ${requestId}`,
  );
  return {
    ...rowOf(r, hall.caseNo, today),
    draft: AgentDraft.parse(JSON.parse(r.draft)),
    residentId: r.resident_id,
    mobile: r.mobile,
    itemCode: r.item_code,
    scope: r.scope,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    signature: r.signature_kind && r.signature_sha256 ? { kind: r.signature_kind, sha256: r.signature_sha256 } : null,
    materials: materialsOf(db, requestId),
    missing: JSON.parse(r.missing) as string[],
    duplicateReason: r.duplicate_reason,
    handoverId: r.handover_id,
    suspendedFrom: r.suspended_from,
    hall,
    delivery: delivery ? { method: delivery.method, deliveredAt: delivery.delivered_at, receiverName: delivery.receiver_name } : null,
    // A rating the hall refused (its rule for the stage, DOMAIN §3) says why, so the agent can tell the villager.
    ratings: all<{ stage: string; level: number; hallRefusal: string | null }>(
      db,
      sql`SELECT a.stage, a.level,
                 (SELECT o.reason FROM link_outbox o WHERE o.request_id = a.request_id AND o.kind = 'rating' AND o.state = 'rejected'
                    AND json_extract(o.payload, '$.stage') = a.stage ORDER BY o.id DESC LIMIT 1) AS hallRefusal
          FROM agent_ratings a WHERE a.request_id = ${requestId} ORDER BY a.stage`,
    ),
    openDuplicates: openDuplicatesOf(db, requestId, r.resident_id, r.item_code),
  };
}

export interface AgentSettings {
  handoverWorkingDays: number;
  purgeDays: number;
}

export function agentSettings(db: Db): AgentSettings {
  const value = (key: string, fallback: number): number => {
    const row = get<{ value: string }>(db, sql`SELECT value FROM agent_settings WHERE key = ${key}`);
    const n = row ? Number(JSON.parse(row.value)) : NaN;
    return Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  return { handoverWorkingDays: value('handoverWorkingDays', DEFAULT_HANDOVER_WORKING_DAYS), purgeDays: value('purgeDays', DEFAULT_PURGE_DAYS) };
}
