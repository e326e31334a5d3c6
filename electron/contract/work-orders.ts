// Bad-rating work orders (差评整改, DOMAIN §3): what the supervisor and the rated clerk send and see.
// Shared by the hall service and the renderer; zod only.
import { z } from 'zod';
import { CaseLookupRequest } from './cases.js';
import { lineText, multilineText } from './text.js';

export const CALLBACK_METHODS = ['phone', 'visit', 'sms', 'other'] as const;
export const CallbackMethod = z.enum(CALLBACK_METHODS);
export type CallbackMethod = z.infer<typeof CallbackMethod>;

export const WORK_ORDER_OUTCOMES = ['rectified', 'answered', 'appeal-upheld'] as const;
export type WorkOrderOutcome = (typeof WORK_ORDER_OUTCOMES)[number];

/** open: call-back owed; called-back: rectification owed; rectified: ready to close; closed. */
export const WORK_ORDER_STATES = ['open', 'called-back', 'rectified', 'closed'] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

export const WorkOrderId = z.object({ id: z.coerce.number().int().min(1) });

/** 回访: whether the citizen was reached, when, how, and what they said. */
export const CallbackRequest = z.strictObject({
  contacted: z.boolean(),
  contactAt: z.iso.datetime({ offset: true }),
  method: CallbackMethod,
  answer: multilineText(1000, 1),
});
export type CallbackRequest = z.infer<typeof CallbackRequest>;

/** 整改: what was found and what was done. */
export const RectifyRequest = z.strictObject({
  found: multilineText(2000, 1),
  done: multilineText(2000, 1),
});
export type RectifyRequest = z.infer<typeof RectifyRequest>;

/** rectified: the cause was put right; answered: explained to the citizen (解释说明), nothing to put right. */
export const CloseRequest = z.strictObject({ outcome: z.enum(['rectified', 'answered']) });
export type CloseRequest = z.infer<typeof CloseRequest>;

/** 申诉 by the rated clerk. */
export const AppealRequest = z.strictObject({ reason: multilineText(1000, 4) });
export type AppealRequest = z.infer<typeof AppealRequest>;

/** 复核 by the supervisor. */
export const ReviewRequest = z.strictObject({ decision: z.enum(['upheld', 'rejected']), reason: multilineText(1000, 2) });
export type ReviewRequest = z.infer<typeof ReviewRequest>;

/** 追评: the citizen's one follow-up rating, at the kiosk with the case number and query password. */
export const FollowupRatingRequest = z.strictObject({
  case: CaseLookupRequest,
  level: z.number().int().min(1).max(5),
  comment: lineText(200).optional(),
});
export type FollowupRatingRequest = z.infer<typeof FollowupRatingRequest>;

export const WorkOrderListQuery = z.object({
  view: z.enum(['open', 'closed', 'all', 'mine']).default('open'),
});
export type WorkOrderListQuery = z.infer<typeof WorkOrderListQuery>;

export const WorkOrderView = z.object({
  id: z.number(),
  ratingId: z.number(),
  level: z.number(),
  comment: z.string().nullable(),
  channel: z.string(),
  ratedAt: z.string(),
  ticketNumber: z.string().nullable(),
  caseNo: z.string().nullable(),
  stage: z.string().nullable(),
  windowNumber: z.number().nullable(),
  clerkName: z.string().nullable(),
  assigneeName: z.string().nullable(),
  realName: z.boolean(),
  state: z.enum(WORK_ORDER_STATES),
  openedAt: z.string(),
  callbackDue: z.string(),
  rectifyDue: z.string(),
  /** none / yellow / red, like a case's time limit: red once the step owed now is past its day. */
  warning: z.enum(['none', 'yellow', 'red']),
  callback: z
    .object({ at: z.string(), by: z.string().nullable(), contacted: z.boolean(), contactAt: z.string(), method: CallbackMethod, answer: z.string() })
    .nullable(),
  rectification: z.object({ at: z.string(), by: z.string().nullable(), found: z.string(), done: z.string() }).nullable(),
  closed: z.object({ at: z.string(), by: z.string().nullable(), outcome: z.enum(WORK_ORDER_OUTCOMES) }).nullable(),
  followup: z.object({ level: z.number(), comment: z.string().nullable(), at: z.string() }).nullable(),
  appeal: z
    .object({
      reason: z.string(),
      at: z.string(),
      by: z.string().nullable(),
      decision: z.enum(['upheld', 'rejected']).nullable(),
      decisionReason: z.string().nullable(),
      decidedAt: z.string().nullable(),
      decidedBy: z.string().nullable(),
    })
    .nullable(),
});
export type WorkOrderView = z.infer<typeof WorkOrderView>;

export const WorkOrderList = z.object({ orders: z.array(WorkOrderView) });
export type WorkOrderList = z.infer<typeof WorkOrderList>;

export const WORK_ORDER_EVENT = 'rating.work-order';
