// Intake (收件, DOMAIN §2): the case row, its number, its check-list, the intake audit row and the
// county's case record, in one transaction. The query password arrives already hashed: hashing is
// slow on purpose and must not hold the write lock.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { Role } from '../../contract/api.js';
import type { CreateCaseRequest, MissingMaterial } from '../../contract/cases.js';
import { appendAudit } from '../audit/chain.js';
import { itemRow, toItem } from '../catalog/item-store.js';
import type { Clock } from '../clock.js';
import { validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { businessDayOf } from '../queue/business-day.js';
import { getSetting } from '../settings/service.js';
import { agentCaseLink } from './agent-link.js';
import { nextCaseNo } from './case-number.js';
import { enqueueCaseRecord } from './case-records.js';
import { findCase, insertCaseEvent, writeCheckList, type CaseRow } from './case-store.js';
import { checkList, missingMaterials, unknownMaterialIssues } from './materials.js';

export interface Intake {
  row: CaseRow;
  missing: MissingMaterial[];
}

export function hallToday(db: Db, clock: Clock): string {
  return businessDayOf(clock.now(), getSetting(db, 'hall.timeZone'));
}

export function createCase(db: Db, clock: Clock, actor: Actor, role: Role, input: CreateCaseRequest, passwordHash: string): Intake {
  return db.transaction((): Intake => {
    const itemRecord = itemRow(db, input.itemCode);
    if (!itemRecord || itemRecord.active !== 1) throw validationError([{ field: 'itemCode', code: 'unknown_item', params: { code: input.itemCode } }]);
    const item = toItem(db, itemRecord);
    // An agent's case is always an agent case, and so is a clerk's intake of an agent request (代办件);
    // otherwise the window takes window cases.
    const fromRequest = input.agentRequestId !== undefined && role !== 'agent';
    const channel = role === 'agent' || fromRequest ? 'agent' : input.channel;
    if (role !== 'agent' && channel === 'agent' && !fromRequest) throw validationError([{ field: 'channel', code: 'channel_role' }]);
    const link = fromRequest ? agentCaseLink(db) : undefined;
    if (fromRequest && !link) throw validationError([{ field: 'agentRequestId', code: 'unknown_agent_request' }]);
    if (input.ticketId !== undefined && !get(db, sql`SELECT 1 FROM tickets WHERE id = ${input.ticketId}`)) {
      throw validationError([{ field: 'ticketId', code: 'unknown_ticket' }]);
    }
    const issues = unknownMaterialIssues(item.materials, input.materials, 'materials');
    if (issues.length) throw validationError(issues);

    const now = clock.now();
    const day = hallToday(db, clock);
    const caseNo = nextCaseNo(db, getSetting(db, 'hall.code'), day);
    const a = input.applicant;
    const person = a.kind === 'person';
    const { lastInsertRowid } = run(
      db,
      sql`INSERT INTO cases (case_no, business_day, item_code, item_name, item_type, implementation_code, handling_level, limit_value, limit_unit,
                             applicant_kind, applicant_name, id_type, id_number, mobile, contact_name, channel, ticket_id, agent_request_id,
                             agent_user_id, clerk_id, status, password_hash, received_at, updated_at)
          VALUES (${caseNo}, ${day}, ${item.code}, ${item.name}, ${item.type}, ${item.implementationCode}, ${item.handlingLevel},
                  ${item.promisedLimit.value}, ${item.promisedLimit.unit}, ${a.kind}, ${a.name}, ${person ? 'resident_id' : 'credit_code'},
                  ${person ? a.idNumber : a.creditCode}, ${a.mobile}, ${person ? null : a.contactName}, ${channel}, ${input.ticketId ?? null},
                  ${input.agentRequestId ?? null}, ${role === 'agent' ? actor.id : null}, ${role === 'agent' ? null : actor.id}, 'received',
                  ${passwordHash}, ${now.toISOString()}, ${now.toISOString()})`,
    );
    const id = Number(lastInsertRowid);
    // The request's agent is the case's 代理人, and its village stays on the case for the village filter.
    const agentOf = link ? link.takeRequest(db, input.agentRequestId!, id, now) : null;
    if (agentOf) run(db, sql`UPDATE cases SET agent_user_id = ${agentOf.agentUserId}, village_code = ${agentOf.villageCode} WHERE id = ${id}`);
    const rows = checkList(item.materials, input.materials);
    writeCheckList(db, id, rows);
    const missing = missingMaterials(rows);
    insertCaseEvent(db, id, actor, { seq: 0, action: 'receive', before: null, after: 'received', at: now, note: null, detail: { missing: missing.map((m) => m.name) } });
    // Never the applicant's numbers in the audit trail: the case number leads to them for those allowed.
    appendAudit(db, actor, now, { action: 'case-receive', entity: 'case', entityId: id, after: 'received', detail: { caseNo, itemCode: item.code, channel } });
    const row = findCase(db, id)!;
    const agent = agentOf
      ? { name: agentOf.agentName, village: agentOf.villageName, villageCode: agentOf.villageCode }
      : role === 'agent' ? { name: actor.name, village: null } : null;
    enqueueCaseRecord(db, row, agent);
    return { row: agentOf ? link!.afterIntake(db, row, actor, now) : row, missing };
  }).immediate();
}
