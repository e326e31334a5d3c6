// A bad rating's work order (差评整改, DOMAIN §3): opened in the rating's own transaction, with its
// due days counted in working days on the hall's calendar, and read back as the screens show it.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type { CallbackMethod, WorkOrderOutcome, WorkOrderState, WorkOrderView } from '../../contract/work-orders.js';
import { appendAudit } from '../audit/chain.js';
import { workingCalendar } from '../calendar/service.js';
import { addWorkingDays, remainingWorkingDays, type WorkingCalendar } from '../calendar/working-days.js';
import type { Actor } from '../http/principal.js';
import { businessDayOf } from '../queue/business-day.js';
import { getSetting } from '../settings/service.js';

/** The rectification limit may be set, but never above 15 working days. */
export const MAX_RECTIFY_WORKING_DAYS = 15;

export function followupLimits(db: Db): { callbackDays: number; rectifyDays: number } {
  const clamp = (n: number, max: number) => Math.min(max, Math.max(1, Math.round(Number(n) || 1)));
  return {
    callbackDays: clamp(getSetting(db, 'ratings.callbackWorkingDays'), MAX_RECTIFY_WORKING_DAYS),
    rectifyDays: clamp(getSetting(db, 'ratings.rectifyWorkingDays'), MAX_RECTIFY_WORKING_DAYS),
  };
}

/** The id of an active supervisor or admin: someone who can take a work order's steps. */
export function activeLeadId(db: Db, username: string): number | null {
  return get<{ id: number }>(db, sql`SELECT id FROM users WHERE username = ${username} AND role IN ('supervisor', 'admin') AND active = 1`)?.id ?? null;
}

/** The named lead when the setting names an active supervisor or admin; otherwise every supervisor (NULL). */
function assigneeOf(db: Db): number | null {
  const username = getSetting(db, 'ratings.followupAssignee');
  return username ? activeLeadId(db, username) : null;
}

export interface OpenWorkOrderInput {
  ratingId: number;
  level: number;
  clerkId: number | null;
  /** Tied to a case, or given through an agent (DOMAIN §8: 实名差评). */
  realName: boolean;
}

/** Opens the order of a bad rating; call it inside the rating's transaction. Returns its id. */
export function openWorkOrder(db: Db, now: Date, actor: Actor, input: OpenWorkOrderInput): number {
  if (!db.inTransaction) throw new Error('openWorkOrder must run inside the rating transaction');
  const day = businessDayOf(now, getSetting(db, 'hall.timeZone'));
  const calendar = workingCalendar(db);
  const { callbackDays, rectifyDays } = followupLimits(db);
  const callbackDue = addWorkingDays(calendar, day, callbackDays);
  const rectifyDue = addWorkingDays(calendar, day, rectifyDays);
  const { lastInsertRowid } = run(
    db,
    sql`INSERT INTO rating_work_orders (rating_id, clerk_id, assignee_id, real_name, opened_at, business_day, callback_due, rectify_due)
        VALUES (${input.ratingId}, ${input.clerkId}, ${assigneeOf(db)}, ${input.realName ? 1 : 0}, ${now.toISOString()}, ${day}, ${callbackDue}, ${rectifyDue})`,
  );
  const id = Number(lastInsertRowid);
  appendAudit(db, actor, now, {
    action: 'work-order-open',
    entity: 'rating-work-order',
    entityId: id,
    after: 'open',
    detail: { ratingId: input.ratingId, level: input.level, callbackDue, rectifyDue },
  });
  return id;
}

/** The open work order of a case's latest bad rating: the one a 追评 goes to. */
export function openCaseOrder(db: Db, caseId: number): { id: number; followup_at: string | null; callback_at: string | null } | undefined {
  return get(
    db,
    sql`SELECT o.id, o.followup_at, o.callback_at FROM rating_work_orders o JOIN ratings r ON r.id = o.rating_id
        WHERE r.case_id = ${caseId} AND o.closed_at IS NULL ORDER BY o.id DESC LIMIT 1`,
  );
}

/** Whether the citizen may give the 追评 now: the hall has called back, the order is open, none given yet. */
export function followupOpen(db: Db, caseId: number): boolean {
  const o = openCaseOrder(db, caseId);
  return o !== undefined && o.callback_at !== null && o.followup_at === null;
}

export interface WorkOrderRow {
  id: number;
  rating_id: number;
  clerk_id: number | null;
  assignee_id: number | null;
  real_name: number;
  opened_at: string;
  callback_due: string;
  rectify_due: string;
  callback_at: string | null;
  callback_by_name: string | null;
  callback_contacted: number | null;
  callback_method: CallbackMethod | null;
  callback_contact_at: string | null;
  callback_answer: string | null;
  rectify_at: string | null;
  rectify_by_name: string | null;
  rectify_found: string | null;
  rectify_done: string | null;
  closed_at: string | null;
  closed_by_name: string | null;
  outcome: WorkOrderOutcome | null;
  followup_level: number | null;
  followup_comment: string | null;
  followup_at: string | null;
  appeal_reason: string | null;
  appeal_at: string | null;
  appeal_by_name: string | null;
  review_decision: 'upheld' | 'rejected' | null;
  review_reason: string | null;
  review_at: string | null;
  review_by_name: string | null;
  level: number;
  comment: string | null;
  channel: string;
  rated_at: string;
  ticket_number: string | null;
  case_no: string | null;
  stage: string | null;
  window_number: number | null;
  clerk_name: string | null;
  assignee_name: string | null;
}

const SELECT = sql`
  SELECT o.*, r.level, r.comment, r.channel, r.created_at AS rated_at, r.stage, t.number AS ticket_number, c.case_no,
         w.number AS window_number, cu.display_name AS clerk_name, au.display_name AS assignee_name,
         cb.display_name AS callback_by_name, rb.display_name AS rectify_by_name, xb.display_name AS closed_by_name,
         ab.display_name AS appeal_by_name, vb.display_name AS review_by_name
  FROM rating_work_orders o JOIN ratings r ON r.id = o.rating_id
  LEFT JOIN tickets t ON t.id = r.ticket_id LEFT JOIN cases c ON c.id = r.case_id LEFT JOIN windows w ON w.id = r.window_id
  LEFT JOIN users cu ON cu.id = o.clerk_id LEFT JOIN users au ON au.id = o.assignee_id
  LEFT JOIN users cb ON cb.id = o.callback_by LEFT JOIN users rb ON rb.id = o.rectify_by LEFT JOIN users xb ON xb.id = o.closed_by
  LEFT JOIN users ab ON ab.id = o.appeal_by LEFT JOIN users vb ON vb.id = o.review_by`;

export function workOrderRow(db: Db, id: number): WorkOrderRow | undefined {
  return get<WorkOrderRow>(db, sql`${SELECT} WHERE o.id = ${id}`);
}

export type WorkOrderFilter = { kind: 'open' } | { kind: 'closed' } | { kind: 'all' } | { kind: 'clerk'; clerkId: number };

export function workOrderRows(db: Db, filter: WorkOrderFilter): WorkOrderRow[] {
  switch (filter.kind) {
    case 'open':
      return all<WorkOrderRow>(db, sql`${SELECT} WHERE o.closed_at IS NULL ORDER BY o.rectify_due, o.id LIMIT 500`);
    case 'closed':
      return all<WorkOrderRow>(db, sql`${SELECT} WHERE o.closed_at IS NOT NULL ORDER BY o.closed_at DESC LIMIT 500`);
    case 'all':
      return all<WorkOrderRow>(db, sql`${SELECT} ORDER BY o.id DESC LIMIT 500`);
    case 'clerk':
      return all<WorkOrderRow>(db, sql`${SELECT} WHERE o.clerk_id = ${filter.clerkId} ORDER BY o.id DESC LIMIT 500`);
  }
}

export function stateOf(o: Pick<WorkOrderRow, 'closed_at' | 'rectify_at' | 'callback_at'>): WorkOrderState {
  if (o.closed_at) return 'closed';
  if (o.rectify_at && o.callback_at) return 'rectified';
  return o.callback_at ? 'called-back' : 'open';
}

/** Red once the step owed now is past its day; yellow on its last day. */
export function warningOf(calendar: WorkingCalendar, o: Pick<WorkOrderRow, 'closed_at' | 'rectify_at' | 'callback_at' | 'callback_due' | 'rectify_due'>, today: string): 'none' | 'yellow' | 'red' {
  if (o.closed_at) return 'none';
  const dues = [o.rectify_due, ...(o.callback_at ? [] : [o.callback_due])];
  const left = Math.min(...dues.map((due) => remainingWorkingDays(calendar, due, today)));
  if (left < 0) return 'red';
  return left === 0 ? 'yellow' : 'none';
}

export function workOrderView(calendar: WorkingCalendar, today: string, o: WorkOrderRow): WorkOrderView {
  return {
    id: o.id,
    ratingId: o.rating_id,
    level: o.level,
    comment: o.comment,
    channel: o.channel,
    ratedAt: o.rated_at,
    ticketNumber: o.ticket_number,
    caseNo: o.case_no,
    stage: o.stage,
    windowNumber: o.window_number,
    clerkName: o.clerk_name,
    assigneeName: o.assignee_name,
    realName: o.real_name === 1,
    state: stateOf(o),
    openedAt: o.opened_at,
    callbackDue: o.callback_due,
    rectifyDue: o.rectify_due,
    warning: warningOf(calendar, o, today),
    callback: o.callback_at
      ? { at: o.callback_at, by: o.callback_by_name, contacted: o.callback_contacted === 1, contactAt: o.callback_contact_at!, method: o.callback_method!, answer: o.callback_answer! }
      : null,
    rectification: o.rectify_at ? { at: o.rectify_at, by: o.rectify_by_name, found: o.rectify_found!, done: o.rectify_done! } : null,
    closed: o.closed_at ? { at: o.closed_at, by: o.closed_by_name, outcome: o.outcome! } : null,
    followup: o.followup_at ? { level: o.followup_level!, comment: o.followup_comment, at: o.followup_at } : null,
    appeal: o.appeal_at
      ? { reason: o.appeal_reason!, at: o.appeal_at, by: o.appeal_by_name, decision: o.review_decision, decisionReason: o.review_reason, decidedAt: o.review_at, decidedBy: o.review_by_name }
      : null,
  };
}
