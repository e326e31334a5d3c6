// The SQL of cases: the row, its timeline and check-list, and the views that leave the host. Personal
// data is masked on the way out here, in one place, unless the caller was allowed to reveal it.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { Role } from '../../contract/api.js';
import type { CaseDetail, CaseStatus, CaseSummary, CorrectionEntry } from '../../contract/cases.js';
import type { Actor } from '../http/principal.js';
import { maskIdNumber, maskName, maskPhone } from '../privacy/mask.js';
import type { CheckListRow } from './materials.js';
import { missingMaterials } from './materials.js';
import type { LimitState } from './time-limit.js';

export interface CaseRow {
  id: number;
  case_no: string;
  business_day: string;
  item_code: string;
  item_name: string;
  item_type: string;
  implementation_code: string;
  handling_level: 'town' | 'county';
  limit_value: number;
  limit_unit: 'working_days' | 'days' | 'months';
  applicant_kind: 'person' | 'organisation';
  applicant_name: string;
  id_type: 'resident_id' | 'credit_code';
  id_number: string;
  mobile: string;
  contact_name: string | null;
  channel: 'window' | 'agent';
  ticket_id: number | null;
  agent_request_id: number | null;
  agent_user_id: number | null;
  village_code: string | null;
  clerk_id: number | null;
  assignee_id: number | null;
  status: CaseStatus;
  password_hash: string;
  received_at: string;
  accepted_at: string | null;
  accepted_day: string | null;
  due_date: string | null;
  pauses: string;
  correction: string | null;
  correction_at: string | null;
  reject_reasons: string | null;
  decision: 'approved' | 'denied' | null;
  decided_by: 'hall' | 'county' | null;
  decided_at: string | null;
  concluded_at: string | null;
  delivered_at: string | null;
  delivery_method: 'window' | 'post' | null;
  last_seq: number;
}

export interface StoredPause {
  from: string;
  to: string | null;
  reason: string;
}

export function findCase(db: Db, id: number): CaseRow | undefined {
  return get<CaseRow>(db, sql`SELECT * FROM cases WHERE id = ${id}`);
}

export function caseByNo(db: Db, caseNo: string): CaseRow | undefined {
  return get<CaseRow>(db, sql`SELECT * FROM cases WHERE case_no = ${caseNo}`);
}

export const pausesOf = (r: CaseRow): StoredPause[] => JSON.parse(r.pauses) as StoredPause[];

interface MaterialRow {
  position: number;
  name: string;
  requirement: 'required' | 'conditional';
  condition: string;
  applicable: number;
  need_originals: number;
  need_copies: number;
  electronic_ok: number;
  originals: number;
  copies: number;
  electronic: number;
}

export function checkListOf(db: Db, caseId: number): CheckListRow[] {
  return all<MaterialRow>(db, sql`SELECT * FROM case_materials WHERE case_id = ${caseId} ORDER BY position`).map((m) => ({
    name: m.name,
    requirement: m.requirement,
    condition: m.condition,
    applicable: m.applicable === 1,
    needOriginals: m.need_originals,
    needCopies: m.need_copies,
    electronicOk: m.electronic_ok === 1,
    originals: m.originals,
    copies: m.copies,
    electronic: m.electronic,
  }));
}

/** Replaces the check-list (intake and resubmit); the caller holds the transaction. */
export function writeCheckList(db: Db, caseId: number, rows: readonly CheckListRow[]): void {
  run(db, sql`DELETE FROM case_materials WHERE case_id = ${caseId}`);
  rows.forEach((m, position) =>
    run(
      db,
      sql`INSERT INTO case_materials (case_id, position, name, requirement, condition, applicable, need_originals, need_copies, electronic_ok, originals, copies, electronic)
          VALUES (${caseId}, ${position}, ${m.name}, ${m.requirement}, ${m.condition}, ${m.applicable}, ${m.needOriginals}, ${m.needCopies}, ${m.electronicOk},
                  ${m.originals}, ${m.copies}, ${m.electronic})`,
    ),
  );
}

export interface TimelineEntry {
  seq: number;
  action: string;
  before: CaseStatus | null;
  after: CaseStatus;
  at: Date;
  note: string | null;
  detail: Record<string, unknown> | null;
}

export function insertCaseEvent(db: Db, caseId: number, actor: Actor, e: TimelineEntry): void {
  run(
    db,
    sql`INSERT INTO case_events (case_id, seq, action, state_before, state_after, actor_kind, actor_id, actor_name, terminal, at, note, detail)
        VALUES (${caseId}, ${e.seq}, ${e.action}, ${e.before}, ${e.after}, ${actor.kind}, ${actor.id}, ${actor.name}, ${actor.terminal},
                ${e.at.toISOString()}, ${e.note}, ${e.detail ? JSON.stringify(e.detail) : null})`,
  );
}

export interface ViewOptions {
  /** Full ID number (an audited reveal); the phone stays masked. */
  revealIdNumber?: boolean;
  /** Display names of the staff the rows name (see staffNames). */
  names?: ReadonlyMap<number, string>;
}

/** Display names of the clerks and assignees of these rows, in one query. */
export function staffNames(db: Db, rows: readonly CaseRow[]): Map<number, string> {
  const ids = [...new Set(rows.flatMap((r) => [r.clerk_id, r.assignee_id]).filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const found = all<{ id: number; display_name: string }>(
    db,
    sql`SELECT id, display_name FROM users WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), ', ')})`,
  );
  return new Map(found.map((u) => [u.id, u.display_name]));
}

export function toCaseSummary(r: CaseRow, limit: LimitState, options: ViewOptions = {}): CaseSummary {
  return {
    id: r.id,
    caseNo: r.case_no,
    status: r.status,
    itemCode: r.item_code,
    itemName: r.item_name,
    applicantKind: r.applicant_kind,
    // An organisation's name is public (it is on its licence); a person's is personal data.
    applicantName: r.applicant_kind === 'person' && !options.revealIdNumber ? maskName(r.applicant_name) : r.applicant_name,
    idNumber: options.revealIdNumber ? r.id_number : maskIdNumber(r.id_number),
    mobile: maskPhone(r.mobile),
    channel: r.channel,
    clerkId: r.clerk_id,
    clerkName: r.clerk_id === null ? null : (options.names?.get(r.clerk_id) ?? null),
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_id === null ? null : (options.names?.get(r.assignee_id) ?? null),
    villageCode: r.village_code,
    receivedAt: r.received_at,
    acceptedAt: r.accepted_at,
    dueDate: r.due_date,
    remainingWorkingDays: limit.remainingWorkingDays,
    warning: limit.warning,
  };
}

interface EventRow {
  seq: number;
  action: string;
  state_before: string | null;
  state_after: string;
  actor_kind: 'user' | 'device' | 'system';
  actor_name: string;
  terminal: string | null;
  at: string;
  user_name: string | null;
  user_role: Role | null;
  device_name: string | null;
  note: string | null;
  detail: string | null;
}

interface ScanRow {
  id: number;
  material_name: string;
  file_name: string;
  content_type: string;
  sha256: string;
  size: number;
}

export function toCaseDetail(db: Db, r: CaseRow, limit: LimitState, options: ViewOptions = {}): CaseDetail {
  const rows = checkListOf(db, r.id);
  const scans = all<ScanRow>(db, sql`SELECT id, material_name, file_name, content_type, sha256, size FROM case_scans WHERE case_id = ${r.id} ORDER BY id`);
  // The entry keeps the username it was recorded with; the screen shows who that is (王芳, her role)
  // and, for a paired device, the device's name. Staff and device names only: nothing of the applicant.
  const events = all<EventRow>(
    db,
    sql`SELECT e.*, u.display_name AS user_name, u.role AS user_role, d.name AS device_name
        FROM case_events e
        LEFT JOIN users u ON e.actor_kind = 'user' AND u.id = e.actor_id
        LEFT JOIN devices d ON e.actor_kind = 'device' AND d.id = e.actor_id
        WHERE e.case_id = ${r.id} ORDER BY e.seq`,
  );
  return {
    ...toCaseSummary(r, limit, { names: staffNames(db, [r]), ...options }),
    contactName: r.contact_name,
    promisedLimit: { value: r.limit_value, unit: r.limit_unit },
    handlingLevel: r.handling_level,
    missingMaterials: missingMaterials(rows),
    materials: rows.map((m) => ({
      name: m.name,
      requirement: m.requirement,
      condition: m.condition,
      applicable: m.applicable,
      need: { originals: m.needOriginals, copies: m.needCopies, electronicAccepted: m.electronicOk },
      provided: { originals: m.originals, copies: m.copies, electronic: m.electronic },
      scans: scans.filter((s) => s.material_name === m.name).map((s) => ({ id: s.id, fileName: s.file_name, contentType: s.content_type, sha256: s.sha256, size: s.size })),
    })),
    correction: r.correction ? (JSON.parse(r.correction) as CorrectionEntry[]) : null,
    rejectReasons: r.reject_reasons ? (JSON.parse(r.reject_reasons) as string[]) : null,
    decision: r.decision,
    pauses: pausesOf(r),
    deliveryMethod: r.delivery_method,
    events: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      stateBefore: e.state_before,
      stateAfter: e.state_after,
      actorName: e.user_name ?? e.device_name ?? e.actor_name,
      actorKind: e.actor_kind,
      actorRole: e.user_role,
      terminal: e.actor_kind === 'device' ? (e.device_name ?? e.actor_name) : e.terminal,
      at: e.at,
      note: e.note,
      detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
    })),
  };
}
