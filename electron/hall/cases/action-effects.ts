// What each action writes besides the status, checked before anything is written: a missing field is
// a 400 naming it, a broken domain rule a 422. Returns the column changes and the county event facts.
import type { Db } from '../../../db/connection.js';
import { get, sql, type SqlFragment } from '../../../db/sql.js';
import type { CaseActionRequest, CorrectionEntry } from '../../contract/cases.js';
import { itemRow, toItem } from '../catalog/item-store.js';
import { workingCalendar } from '../calendar/service.js';
import { domainRule, HallError, validationError } from '../http/errors.js';
import { checkListOf, pausesOf, writeCheckList, type CaseRow, type StoredPause } from './case-store.js';
import { materialsNow } from './case-records.js';
import { checkCorrectionRound } from './correction-notices.js';
import { checkList, missingMaterials, unknownMaterialIssues } from './materials.js';
import { caseDueDate } from './time-limit.js';

export interface Effect {
  /** `col = value` fragments for the UPDATE. */
  set: SqlFragment[];
  /** Facts for the timeline and the county's case-event record. */
  extra: Record<string, unknown>;
}

const required = (field: string): HallError => validationError([{ field, code: 'required' }]);

function dueDateOf(db: Db, r: CaseRow, acceptedDay: string, pauses: StoredPause[]): string | null {
  return caseDueDate(workingCalendar(db), acceptedDay, { value: r.limit_value, unit: r.limit_unit }, pauses);
}

function checkCorrections(db: Db, r: CaseRow, corrections: CorrectionEntry[] | undefined): CorrectionEntry[] {
  if (!corrections?.length) throw required('corrections');
  const rows = checkListOf(db, r.id);
  const names = new Set(rows.map((m) => m.name));
  const unknown = corrections.flatMap((c, i) => (names.has(c.name) ? [] : [{ field: `corrections.${i}.name`, code: 'unknown_material', params: { name: c.name } }]));
  if (unknown.length) throw validationError(unknown);
  // 一次性告知: the notice must name every missing material at once, never one more on the next visit.
  checkCorrectionRound(db, r.id, rows, corrections);
  return corrections;
}

export function effectOf(db: Db, r: CaseRow, body: CaseActionRequest, now: Date, today: string): Effect {
  switch (body.action) {
    case 'accept': {
      const missing = missingMaterials(checkListOf(db, r.id));
      if (missing.length) {
        throw new HallError('domain_rule', 'materials_missing', { names: missing.map((m) => m.name).join('、') }, { missingMaterials: missing });
      }
      const due = dueDateOf(db, r, today, []);
      return {
        set: [sql`accepted_at = ${now.toISOString()}`, sql`accepted_day = ${today}`, sql`due_date = ${due}`],
        extra: { acceptedAt: now.toISOString(), promisedLimit: { value: r.limit_value, unit: r.limit_unit }, dueDate: due },
      };
    }
    case 'request-correction': {
      const corrections = checkCorrections(db, r, body.corrections);
      return { set: [sql`correction = ${JSON.stringify(corrections)}`, sql`correction_at = ${now.toISOString()}`], extra: { corrections } };
    }
    case 'resubmit': {
      if (!body.materials) throw required('materials');
      const itemRecord = itemRow(db, r.item_code);
      // The check-list keeps the item's materials as they were at intake if the item has since gone.
      const itemMaterials = itemRecord
        ? toItem(db, itemRecord).materials
        : checkListOf(db, r.id).map((m) => ({ name: m.name, requirement: m.requirement, condition: m.condition, originals: m.needOriginals, copies: m.needCopies, electronic: m.electronicOk, source: 'applicant' as const, notes: '' }));
      const issues = unknownMaterialIssues(itemMaterials, body.materials, 'materials');
      if (issues.length) throw validationError(issues);
      writeCheckList(db, r.id, checkList(itemMaterials, body.materials));
      return { set: [], extra: { materials: materialsNow(db, r.id), missing: missingMaterials(checkListOf(db, r.id)).map((m) => m.name) } };
    }
    case 'reject':
      if (!body.reasons?.length) throw required('reasons');
      return { set: [sql`reject_reasons = ${JSON.stringify(body.reasons)}`], extra: { reasons: body.reasons } };
    case 'assign': {
      if (body.assigneeId === undefined) throw required('assigneeId');
      const user = get<{ role: string; active: number; display_name: string }>(db, sql`SELECT role, active, display_name FROM users WHERE id = ${body.assigneeId}`);
      if (!user || user.active !== 1 || user.role !== 'backoffice') throw validationError([{ field: 'assigneeId', code: 'not_backoffice' }]);
      return { set: [sql`assignee_id = ${body.assigneeId}`], extra: { assignee: { id: body.assigneeId, name: user.display_name } } };
    }
    case 'approve':
    case 'deny': {
      if (r.handling_level === 'county') throw domainRule('county_decides', { caseNo: r.case_no });
      const decision = body.action === 'approve' ? 'approved' : 'denied';
      return { set: [sql`decision = ${decision}`, sql`decided_by = 'hall'`, sql`decided_at = ${now.toISOString()}`], extra: { decision, decidedBy: 'hall' } };
    }
    case 'pause': {
      if (!body.note) throw required('note');
      const pauses = [...pausesOf(r), { from: today, to: null, reason: body.note }];
      return { set: [sql`pauses = ${JSON.stringify(pauses)}`, sql`due_date = NULL`], extra: { pause: { start: today } } };
    }
    case 'resume': {
      const pauses = pausesOf(r).map((p) => (p.to === null ? { ...p, to: today } : p));
      const open = pausesOf(r).find((p) => p.to === null);
      const due = dueDateOf(db, r, r.accepted_day!, pauses);
      return { set: [sql`pauses = ${JSON.stringify(pauses)}`, sql`due_date = ${due}`], extra: { pause: { start: open?.from ?? null, end: today }, dueDate: due } };
    }
    case 'forward':
      if (r.handling_level !== 'county') throw domainRule('forward_town_item', { caseNo: r.case_no });
      return { set: [], extra: { forwardedTo: 'county' } };
    case 'conclude':
      return { set: [sql`concluded_at = ${now.toISOString()}`, sql`concluded_day = ${today}`], extra: { concludedAt: now.toISOString(), dueDate: r.due_date, overdue: r.due_date !== null && today > r.due_date } };
    case 'deliver':
      if (!body.method) throw required('method');
      return { set: [sql`delivered_at = ${now.toISOString()}`, sql`delivery_method = ${body.method}`], extra: { delivery: { method: body.method, at: now.toISOString() } } };
    case 'withdraw':
      return { set: [], extra: {} };
  }
}
