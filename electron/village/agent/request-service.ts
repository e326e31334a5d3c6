// 委托 and 收件 on the node (DOMAIN §4): drafts kept as the agent types, the checked authorisation,
// the materials counted at the village, and the agent-request record once collected.
import type { Db } from '../../../db/connection.js';
import { run, sql } from '../../../db/sql.js';
import { missingMaterials } from '../../contract/agent-materials.js';
import type { AgentDraft, AuthoriseRequest, CollectRequest } from '../../contract/agent-node.js';
import { dateIn } from '../../contract/identity.js';
import { AgentRequestPayload, type AgentMaterial } from '../../contract/village.js';
import { appendAudit } from '../../hall/audit/chain.js';
import { conflict, HallError, validationError } from '../../hall/http/errors.js';
import type { AgentDeps } from './agent-deps.js';
import { agentSettings, materialsOf, openDuplicatesOf, requestRecord, type RequestRecord } from './agent-store.js';
import { handoverDue, stateAfter, type AgentAction } from './request-rules.js';

function checkStep(r: RequestRecord, action: AgentAction): void {
  if (!stateAfter(r.state, action, r.suspended_from)) throw conflict('agent_state', { state: r.state });
}

/** Creates or updates a draft: the page saves every few seconds, so nothing typed is lost. */
export function saveDraft(db: Db, deps: AgentDeps, requestId: string, draft: AgentDraft): void {
  const now = deps.clock.now().toISOString();
  db.transaction(() => {
    const existing = db.prepare('SELECT state FROM agent_requests WHERE request_id = ?').get(requestId) as { state: string } | undefined;
    if (existing && existing.state !== 'draft') throw conflict('agent_state', { state: existing.state });
    if (!existing) {
      run(db, sql`INSERT INTO agent_requests (request_id, state, created_at, updated_at) VALUES (${requestId}, 'draft', ${now}, ${now})`);
      appendAudit(db, deps.actor(), deps.clock.now(), { action: 'agent.draft', entity: 'agent_request', entityId: requestId, after: 'draft' });
    }
    run(
      db,
      sql`UPDATE agent_requests SET draft = ${JSON.stringify(draft)}, village_code = ${draft.villageCode},
            applicant_name = ${draft.applicantName}, resident_id = ${draft.residentId.trim().toUpperCase()},
            mobile = ${draft.mobile}, item_code = ${draft.itemCode}, item_name = ${draft.itemName}, scope = ${draft.scope},
            updated_at = ${now}
          WHERE request_id = ${requestId}`,
    );
  }).immediate();
}

/** 委托: the villager's authorisation, checked; the item's check-list becomes the materials list. */
export function authorise(db: Db, deps: AgentDeps, requestId: string, input: AuthoriseRequest): void {
  if (!deps.villages(db).some((v) => v.code === input.villageCode)) {
    throw validationError([{ field: 'villageCode', code: 'agent_village_not_yours' }]);
  }
  const item = deps.catalogItem(db, input.itemCode);
  if (!item) throw validationError([{ field: 'itemCode', code: 'agent_item_unknown' }]);
  const now = deps.clock.now();
  const at = now.toISOString();
  const day = dateIn(now, deps.timeZone);
  db.transaction(() => {
    const r = requestRecord(db, requestId);
    checkStep(r, 'authorise');
    const due = handoverDue(deps.calendar, day, agentSettings(db).handoverWorkingDays);
    run(
      db,
      sql`UPDATE agent_requests SET state = 'authorised', village_code = ${input.villageCode}, applicant_name = ${input.applicantName},
            resident_id = ${input.residentId}, mobile = ${input.mobile}, item_code = ${item.code}, item_name = ${item.name},
            scope = ${input.scope}, valid_from = ${input.validFrom}, valid_until = ${input.validUntil},
            signature_kind = ${input.signature.kind}, signature_sha256 = ${input.signature.sha256},
            authorised_at = ${at}, authorised_date = ${day}, handover_due = ${due}, updated_at = ${at}
          WHERE request_id = ${requestId}`,
    );
    run(db, sql`DELETE FROM agent_materials WHERE request_id = ${requestId}`);
    item.materials.forEach((m, position) => {
      run(
        db,
        sql`INSERT INTO agent_materials (request_id, name, position, required, expected_originals, expected_copies)
            VALUES (${requestId}, ${m.name}, ${position}, ${m.required ? 1 : 0}, ${m.originals}, ${m.copies})`,
      );
    });
    run(db, sql`UPDATE agent_requests SET missing = ${JSON.stringify(missingOf(db, requestId))} WHERE request_id = ${requestId}`);
    appendAudit(db, deps.actor(), now, {
      action: 'agent.authorise',
      entity: 'agent_request',
      entityId: requestId,
      before: 'draft',
      after: 'authorised',
      detail: { itemCode: item.code, villageCode: input.villageCode, handoverDue: due, signature: input.signature.kind },
    });
  }).immediate();
}

function missingOf(db: Db, requestId: string): string[] {
  const lines = materialsOf(db, requestId);
  return missingMaterials(
    lines.map((m) => ({ name: m.name, required: m.required, expectedOriginals: m.expectedOriginals, expectedCopies: m.expectedCopies })),
    lines,
  );
}

/** Writes the counts and scans the agent recorded; a name not on the check-list is an extra line. */
export function writeMaterials(db: Db, requestId: string, materials: readonly AgentMaterial[], round: number): void {
  materials.forEach((m, i) => {
    run(
      db,
      sql`INSERT INTO agent_materials (request_id, name, position, required, originals, copies, scans, round)
          VALUES (${requestId}, ${m.name}, ${1000 + i}, 0, ${m.originals}, ${m.copies}, ${JSON.stringify(m.scans)}, ${round})
          ON CONFLICT (request_id, name) DO UPDATE SET originals = excluded.originals, copies = excluded.copies,
            scans = excluded.scans, round = max(agent_materials.round, excluded.round)`,
    );
  });
}

/** Saves the counts as the agent works through the check-list (before 收件 is confirmed). */
export function saveMaterials(db: Db, deps: AgentDeps, requestId: string, materials: readonly AgentMaterial[]): string[] {
  return db.transaction(() => {
    const r = requestRecord(db, requestId);
    if (r.state !== 'authorised') throw conflict('agent_state', { state: r.state });
    writeMaterials(db, requestId, materials, 0);
    const missing = missingOf(db, requestId);
    run(
      db,
      sql`UPDATE agent_requests SET missing = ${JSON.stringify(missing)}, updated_at = ${deps.clock.now().toISOString()}
          WHERE request_id = ${requestId}`,
    );
    return missing;
  }).immediate();
}

/** 收件: the materials as collected; the agent-request record (seq 1) goes to the hall's outbox. */
export function collect(db: Db, deps: AgentDeps, requestId: string, input: CollectRequest): { missing: string[] } {
  const now = deps.clock.now();
  const at = now.toISOString();
  return db.transaction(() => {
    const r = requestRecord(db, requestId);
    checkStep(r, 'collect');
    const duplicates = openDuplicatesOf(db, requestId, r.resident_id, r.item_code);
    if (duplicates.length > 0 && !input.duplicateReason) throw conflict('agent_duplicate_open', {}, { requests: duplicates });
    writeMaterials(db, requestId, input.materials, 0);
    const missing = missingOf(db, requestId);
    const materials = materialsOf(db, requestId)
      .filter((m) => m.originals + m.copies + m.scans.length > 0)
      .map((m) => ({ name: m.name, originals: m.originals, copies: m.copies, scans: m.scans }));
    const payload = AgentRequestPayload.safeParse({
      villageCode: r.village_code,
      applicant: { name: r.applicant_name, residentId: r.resident_id, mobile: r.mobile },
      item: { code: r.item_code, name: r.item_name },
      authorisation: {
        scope: r.scope,
        validFrom: r.valid_from,
        validUntil: r.valid_until,
        signature: { kind: r.signature_kind, sha256: r.signature_sha256 },
        authorisedAt: r.authorised_at,
      },
      materials,
      missing,
      duplicateReason: duplicates.length > 0 ? input.duplicateReason : null,
    });
    if (!payload.success) throw new HallError('domain_rule', 'agent_record_invalid');
    run(
      db,
      sql`UPDATE agent_requests SET state = 'collected', collected_at = ${at}, missing = ${JSON.stringify(missing)},
            duplicate_reason = ${duplicates.length > 0 ? input.duplicateReason : null}, updated_at = ${at}
          WHERE request_id = ${requestId}`,
    );
    deps.appendRecord(db, { kind: 'agent-request', requestId, seq: 1, occurredAt: at, payload: payload.data as Record<string, unknown> });
    appendAudit(db, deps.actor(), now, {
      action: 'agent.collect',
      entity: 'agent_request',
      entityId: requestId,
      before: 'authorised',
      after: 'collected',
      note: duplicates.length > 0 ? (input.duplicateReason ?? null) : null,
      detail: { materials: materials.length, missing, duplicates: duplicates.length },
    });
    return { missing };
  }).immediate();
}
