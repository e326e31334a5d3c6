// The clerks' 代办件 (DOMAIN §4): the list by village and state, one request's detail, the receipt of
// its hand-over counted material by material, and what the intake form is filled with. An agent
// signed in at the hall sees only their own villages' requests. Personal data masked in the list.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type {
  AgentRequestDetail,
  AgentRequestIntake,
  AgentRequestList,
  AgentRequestListQuery,
  AgentRequestSummary,
  ReceiveHandoverRequest,
} from '../../contract/agent-requests.js';
import type { AgentMaterial } from '../../contract/village.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, notFound, validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { maskIdNumber, maskName, maskPhone } from '../privacy/mask.js';
import { agentRequestById, insertRequestEvent, type AgentRequestRow } from './agent-request-rows.js';
import { appendVillageChange } from './village-changes.js';

/** Whose requests a caller may see: every village for the hall's staff, the agent's own for an agent. */
export type RequestScope = { kind: 'all' } | { kind: 'agent'; userId: number };

type ListRow = AgentRequestRow & { village_name: string; agent_name: string; case_no: string | null; case_status: string | null };

const LIST_SELECT = sql`SELECT r.*, v.name AS village_name, u.display_name AS agent_name, c.case_no, c.status AS case_status
  FROM agent_requests r JOIN villages v ON v.code = r.village_code JOIN users u ON u.id = r.agent_user_id LEFT JOIN cases c ON c.id = r.case_id`;

function scopeWhere(scope: RequestScope) {
  return scope.kind === 'all'
    ? sql`1 = 1`
    : sql`r.agent_user_id = ${scope.userId} AND r.village_code IN (SELECT village_code FROM agent_villages WHERE user_id = ${scope.userId})`;
}

function toSummary(r: ListRow): AgentRequestSummary {
  return {
    id: r.id,
    requestId: r.request_id,
    villageCode: r.village_code,
    villageName: r.village_name,
    agentName: r.agent_name,
    applicantName: maskName(r.applicant_name),
    idNumber: maskIdNumber(r.id_number),
    itemCode: r.item_code,
    itemName: r.item_name,
    state: r.state,
    missing: JSON.parse(r.missing) as string[],
    handoverId: r.handover_id,
    caseId: r.case_id,
    caseNo: r.case_no,
    caseStatus: r.case_status,
    authorisedAt: r.authorised_at,
    createdAt: r.created_at,
  };
}

export function listAgentRequests(db: Db, scope: RequestScope, q: AgentRequestListQuery): AgentRequestList {
  const where = sql.join(
    [scopeWhere(scope), q.village ? sql`r.village_code = ${q.village}` : sql`1 = 1`, q.state ? sql`r.state = ${q.state}` : sql`1 = 1`],
    ' AND ',
  );
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM agent_requests r WHERE ${where}`)!.n;
  const rows = all<ListRow>(db, sql`${LIST_SELECT} WHERE ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT ${q.limit} OFFSET ${q.offset}`);
  return { rows: rows.map(toSummary), total };
}

function listRow(db: Db, scope: RequestScope, id: number): ListRow {
  const row = get<ListRow>(db, sql`${LIST_SELECT} WHERE r.id = ${id} AND ${scopeWhere(scope)}`);
  if (!row) throw notFound();
  return row;
}

export function agentRequestDetail(db: Db, scope: RequestScope, id: number): AgentRequestDetail {
  const r = listRow(db, scope, id);
  const auth = JSON.parse(r.authorisation) as { scope: string; validFrom: string; validUntil: string; signature: { kind: string }; authorisedAt: string };
  const line = r.handover_id
    ? get<{ handover_id: string; handed_at: string; node_name: string | null; declared: string; counted: string | null; discrepancies: string | null; received_at: string | null }>(
        db,
        sql`SELECT l.handover_id, h.handed_at, d.name AS node_name, l.declared, l.counted, l.discrepancies, l.received_at FROM agent_handover_lines l
            JOIN agent_handovers h ON h.handover_id = l.handover_id LEFT JOIN devices d ON d.id = h.device_id WHERE l.handover_id = ${r.handover_id} AND l.agent_request_id = ${r.id}`,
      )
    : undefined;
  const events = all<{ action: string; actor_name: string; at: string; note: string }>(
    db,
    sql`SELECT action, actor_name, at, note FROM agent_request_events WHERE agent_request_id = ${r.id} ORDER BY id`,
  );
  return {
    ...toSummary(r),
    mobile: maskPhone(r.mobile),
    authorisation: { scope: auth.scope, validFrom: auth.validFrom, validUntil: auth.validUntil, signatureKind: auth.signature.kind, authorisedAt: auth.authorisedAt },
    materials: (JSON.parse(r.materials) as AgentMaterial[]).map((m) => ({ name: m.name, originals: m.originals, copies: m.copies, scans: m.scans.length })),
    duplicateReason: r.duplicate_reason,
    handover: line
      ? {
          handoverId: line.handover_id,
          handedAt: line.handed_at,
          nodeName: line.node_name ?? '',
          declared: JSON.parse(line.declared) as AgentRequestDetail['materials'],
          counted: line.counted ? (JSON.parse(line.counted) as AgentRequestDetail['materials']) : null,
          discrepancies: line.discrepancies ? (JSON.parse(line.discrepancies) as NonNullable<AgentRequestDetail['handover']>['discrepancies']) : null,
          receivedAt: line.received_at,
        }
      : null,
    events: events.map((e) => ({ action: e.action, actorName: e.actor_name, at: e.at, note: e.note })),
  };
}

/** Differences between what the agent declared and what the clerk counted, material by material. */
export function discrepanciesOf(declared: ReadonlyArray<{ name: string; originals: number; copies: number }>, counted: ReceiveHandoverRequest['materials']) {
  const found: Array<{ name: string; expected: number; counted: number; note: string }> = [];
  const byName = new Map(counted.map((m) => [m.name, m]));
  for (const d of declared) {
    const c = byName.get(d.name);
    const note = c?.note ?? '';
    if (!c) {
      if (d.originals + d.copies > 0) found.push({ name: d.name, expected: d.originals + d.copies, counted: 0, note: 'not_counted' });
      continue;
    }
    if (c.originals !== d.originals) found.push({ name: `${d.name}（原件）`, expected: d.originals, counted: c.originals, note });
    if (c.copies !== d.copies) found.push({ name: `${d.name}（复印件）`, expected: d.copies, counted: c.copies, note });
  }
  const declaredNames = new Set(declared.map((d) => d.name));
  for (const c of counted) if (!declaredNames.has(c.name)) found.push({ name: c.name, expected: 0, counted: c.originals + c.copies, note: c.note });
  return found;
}

/** The clerk's receipt of one request's hand-over: counts kept, differences noted, and a `received`
 *  change for the node, in one transaction. */
export function receiveHandover(db: Db, clock: Clock, actor: Actor, id: number, input: ReceiveHandoverRequest): AgentRequestDetail {
  return db.transaction(() => {
    const r = agentRequestById(db, id);
    if (!r) throw notFound();
    if (r.state !== 'handed_over' || !r.handover_id) throw conflict('agent_request_not_handed_over', { requestId: r.request_id });
    const line = get<{ declared: string }>(db, sql`SELECT declared FROM agent_handover_lines WHERE handover_id = ${r.handover_id} AND agent_request_id = ${r.id}`)!;
    const declared = JSON.parse(line.declared) as Array<{ name: string; originals: number; copies: number }>;
    const discrepancies = discrepanciesOf(declared, input.materials);
    const unexplained = discrepancies.flatMap((d, i) => (d.note ? [] : [{ field: `materials.${i}.note`, code: 'discrepancy_note' }]));
    if (unexplained.length) throw validationError(unexplained);
    const now = clock.now();
    const counted = input.materials.map((m) => ({ name: m.name, originals: m.originals, copies: m.copies }));
    run(
      db,
      sql`UPDATE agent_handover_lines SET counted = ${JSON.stringify(counted)}, discrepancies = ${JSON.stringify(discrepancies)}, received_at = ${now.toISOString()},
          received_by = ${actor.id} WHERE handover_id = ${r.handover_id} AND agent_request_id = ${r.id}`,
    );
    run(db, sql`UPDATE agent_requests SET state = 'received', received_at = ${now.toISOString()}, received_by = ${actor.id}, updated_at = ${now.toISOString()} WHERE id = ${r.id}`);
    insertRequestEvent(db, r.id, actor.name, now, { action: 'received', note: '', detail: { discrepancies: discrepancies.length } });
    appendAudit(db, actor, now, { action: 'agent-request-receive', entity: 'agent-request', entityId: r.request_id, before: 'handed_over', after: 'received', detail: { handoverId: r.handover_id, discrepancies: discrepancies.length } });
    appendVillageChange(db, r, 'received', { handoverId: r.handover_id, receivedAt: now.toISOString(), receivedBy: actor.name, discrepancies }, now);
    return agentRequestDetail(db, { kind: 'all' }, r.id);
  }).immediate();
}

/** The intake form's contents for a received request: the applicant in full (the clerk holds the
 *  villager's papers at the counter), the item and the counted materials. Audited. */
export function intakeOf(db: Db, clock: Clock, actor: Actor, id: number): AgentRequestIntake {
  const r = agentRequestById(db, id);
  if (!r) throw notFound();
  if (r.state !== 'received' || r.case_id !== null) throw conflict('agent_request_not_received', { requestId: r.request_id });
  const line = get<{ counted: string | null }>(db, sql`SELECT counted FROM agent_handover_lines WHERE handover_id = ${r.handover_id} AND agent_request_id = ${r.id}`);
  const scans = new Map((JSON.parse(r.materials) as AgentMaterial[]).map((m) => [m.name, m.scans.length]));
  const counted = line?.counted ? (JSON.parse(line.counted) as Array<{ name: string; originals: number; copies: number }>) : [];
  db.transaction(() => appendAudit(db, actor, clock.now(), { action: 'pii-reveal', entity: 'agent-request', entityId: r.request_id, detail: { field: 'applicant', purpose: 'intake' } })).immediate();
  return {
    agentRequestId: r.id,
    itemCode: r.item_code,
    applicant: { kind: 'person', name: r.applicant_name, idType: 'resident_id', idNumber: r.id_number, mobile: r.mobile },
    materials: counted.map((m) => ({ name: m.name, originals: m.originals, copies: m.copies, electronic: scans.get(m.name) ?? 0 })),
  };
}
