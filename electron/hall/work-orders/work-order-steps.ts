// The steps of a bad-rating work order (DOMAIN §3): 回访, 整改, close, the clerk's 申诉 and the
// supervisor's 复核, and the citizen's one 追评. Each step is one transaction with its audit row;
// closing also captures the county's `rating-followup` record.
import type { Db } from '../../../db/connection.js';
import { run, sql } from '../../../db/sql.js';
import type { AppealRequest, CallbackRequest, CloseRequest, RectifyRequest, ReviewRequest, WorkOrderOutcome } from '../../contract/work-orders.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, domainRule, forbidden, notFound } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { enqueueRatingFollowupRecord } from '../sync/payloads.js';
import { openCaseOrder, stateOf, workOrderRow, type WorkOrderRow } from './work-order-store.js';

/** The staff member taking a step: who they are and what their role lets them do. */
export interface StepCaller {
  userId: number;
  role: string;
}

function orderFor(db: Db, id: number): WorkOrderRow {
  const o = workOrderRow(db, id);
  if (!o) throw notFound();
  return o;
}

/** A lead's step: an admin, or a supervisor the order is assigned to (every supervisor when nobody is named). */
function mustLead(o: WorkOrderRow, caller: StepCaller): void {
  if (caller.role === 'admin') return;
  if (caller.role !== 'supervisor') throw forbidden();
  if (o.assignee_id !== null && o.assignee_id !== caller.userId) throw forbidden();
}

function mustBeOpen(o: WorkOrderRow): void {
  if (o.closed_at) throw conflict('work_order_closed', { id: o.id });
}

function step(db: Db, clock: Clock, actor: Actor, id: number, action: string, apply: (o: WorkOrderRow, now: Date) => Record<string, unknown> | null): void {
  db.transaction(() => {
    const now = clock.now();
    const o = orderFor(db, id);
    const before = stateOf(o);
    const detail = apply(o, now);
    const after = stateOf(orderFor(db, id));
    appendAudit(db, actor, now, { action, entity: 'rating-work-order', entityId: id, before, after, detail });
  }).immediate();
}

export function recordCallback(db: Db, clock: Clock, actor: Actor, caller: StepCaller, id: number, body: CallbackRequest): void {
  step(db, clock, actor, id, 'work-order-callback', (o, now) => {
    mustLead(o, caller);
    mustBeOpen(o);
    if (o.callback_at) throw conflict('work_order_callback_done', { id });
    if (Date.parse(body.contactAt) > now.getTime() + 60_000) throw domainRule('work_order_contact_future');
    run(
      db,
      sql`UPDATE rating_work_orders SET callback_at = ${now.toISOString()}, callback_by = ${caller.userId}, callback_contacted = ${body.contacted ? 1 : 0},
          callback_method = ${body.method}, callback_contact_at = ${new Date(body.contactAt).toISOString()}, callback_answer = ${body.answer} WHERE id = ${id}`,
    );
    // The citizen's words stay in the order; the audit keeps only the facts of the step.
    return { contacted: body.contacted, method: body.method };
  });
}

export function recordRectification(db: Db, clock: Clock, actor: Actor, caller: StepCaller, id: number, body: RectifyRequest): void {
  step(db, clock, actor, id, 'work-order-rectify', (o, now) => {
    mustLead(o, caller);
    mustBeOpen(o);
    if (o.rectify_at) throw conflict('work_order_rectify_done', { id });
    run(db, sql`UPDATE rating_work_orders SET rectify_at = ${now.toISOString()}, rectify_by = ${caller.userId}, rectify_found = ${body.found}, rectify_done = ${body.done} WHERE id = ${id}`);
    return null;
  });
}

function closeWith(db: Db, now: Date, id: number, userId: number, outcome: WorkOrderOutcome): void {
  run(db, sql`UPDATE rating_work_orders SET closed_at = ${now.toISOString()}, closed_by = ${userId}, outcome = ${outcome} WHERE id = ${id}`);
  const o = orderFor(db, id);
  enqueueRatingFollowupRecord(db, {
    workOrderId: o.id,
    ratingId: o.rating_id,
    outcome,
    closedAt: now,
    callback: o.callback_at ? { contacted: o.callback_contacted === 1, contactAt: o.callback_contact_at!, method: o.callback_method!, answer: o.callback_answer! } : null,
    rectification: o.rectify_at ? { found: o.rectify_found!, done: o.rectify_done! } : null,
    followupLevel: o.followup_level,
    appeal: o.appeal_at ? { decision: o.review_decision, reason: o.appeal_reason!, decisionReason: o.review_reason } : null,
  });
}

/** Closed only after the call-back; as `rectified` only after the rectification is recorded too. */
export function closeWorkOrder(db: Db, clock: Clock, actor: Actor, caller: StepCaller, id: number, body: CloseRequest): void {
  step(db, clock, actor, id, 'work-order-close', (o, now) => {
    mustLead(o, caller);
    mustBeOpen(o);
    if (!o.callback_at) throw domainRule('work_order_needs_callback');
    if (body.outcome === 'rectified' && !o.rectify_at) throw domainRule('work_order_needs_rectification');
    if (o.appeal_at && !o.review_decision) throw domainRule('work_order_appeal_pending');
    closeWith(db, now, id, caller.userId, body.outcome);
    return { outcome: body.outcome };
  });
}

/** 申诉: only the clerk rated, once, while the order is open. */
export function appealRating(db: Db, clock: Clock, actor: Actor, caller: StepCaller, id: number, body: AppealRequest): void {
  step(db, clock, actor, id, 'work-order-appeal', (o, now) => {
    if (o.clerk_id === null || o.clerk_id !== caller.userId) throw forbidden();
    mustBeOpen(o);
    if (o.appeal_at) throw conflict('work_order_appealed', { id });
    run(db, sql`UPDATE rating_work_orders SET appeal_reason = ${body.reason}, appeal_at = ${now.toISOString()}, appeal_by = ${caller.userId} WHERE id = ${id}`);
    return null;
  });
}

/** 复核: upheld excludes the rating from every figure and closes the order; rejected lets the order run on. */
export function reviewAppeal(db: Db, clock: Clock, actor: Actor, caller: StepCaller, id: number, body: ReviewRequest): void {
  step(db, clock, actor, id, 'work-order-review', (o, now) => {
    mustLead(o, caller);
    if (!o.appeal_at) throw domainRule('work_order_no_appeal');
    if (o.review_decision) throw conflict('work_order_reviewed', { id });
    // A supervisor never decides an appeal about their own service.
    if (o.clerk_id === caller.userId) throw forbidden();
    run(db, sql`UPDATE rating_work_orders SET review_decision = ${body.decision}, review_reason = ${body.reason}, review_at = ${now.toISOString()}, review_by = ${caller.userId} WHERE id = ${id}`);
    if (body.decision === 'upheld' && !o.closed_at) closeWith(db, now, id, caller.userId, 'appeal-upheld');
    return { decision: body.decision };
  });
}

/**
 * 追评: the citizen's one follow-up rating of a case's bad rating, after the call-back and before the
 * order closes (so the county's record carries it). A ticket's rating has no credential the citizen
 * keeps, so only a case's order takes one: at the kiosk, with the case number and query password.
 */
export function recordFollowupRating(db: Db, clock: Clock, actor: Actor, caseId: number, level: number, comment: string | null): number {
  return db
    .transaction((): number => {
      const now = clock.now();
      const row = openCaseOrder(db, caseId);
      if (!row || !row.callback_at) throw domainRule('work_order_no_followup');
      if (row.followup_at) throw conflict('work_order_followup_done', { id: row.id });
      run(db, sql`UPDATE rating_work_orders SET followup_level = ${level}, followup_comment = ${comment}, followup_at = ${now.toISOString()} WHERE id = ${row.id}`);
      appendAudit(db, actor, now, { action: 'work-order-followup', entity: 'rating-work-order', entityId: row.id, after: String(level) });
      return row.id;
    })
    .immediate();
}
