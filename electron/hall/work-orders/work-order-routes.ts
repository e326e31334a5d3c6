// Bad-rating work orders over HTTP (DOMAIN §3). The lead (supervisor, or admin) lists them and
// takes the steps; the rated clerk sees their own and appeals; the kiosk carries the citizen's 追评.
import { z } from 'zod';
import {
  AppealRequest,
  CallbackRequest,
  CloseRequest,
  FollowupRatingRequest,
  RectifyRequest,
  ReviewRequest,
  WORK_ORDER_EVENT,
  WorkOrderId,
  WorkOrderList,
  WorkOrderListQuery,
  WorkOrderView,
} from '../../contract/work-orders.js';
import { guessingTerminal } from '../auth/attempt-window.js';
import { workingCalendar } from '../calendar/service.js';
import type { CaseLookup } from '../cases/lookup.js';
import type { HallContext } from '../context.js';
import { forbidden, notFound } from '../http/errors.js';
import type { Principal } from '../http/principal.js';
import { businessDayOf } from '../queue/business-day.js';
import { getSetting } from '../settings/service.js';
import { appealRating, closeWorkOrder, recordCallback, recordFollowupRating, recordRectification, reviewAppeal, type StepCaller } from './work-order-steps.js';
import { workOrderRow, workOrderRows, workOrderView, type WorkOrderFilter } from './work-order-store.js';

const LEADS = ['supervisor', 'admin'] as const;
const STAFF = ['supervisor', 'admin', 'clerk', 'backoffice'] as const;

function stepCaller(principal: Principal | null): StepCaller {
  if (principal?.kind !== 'user') throw forbidden();
  return { userId: principal.user.id, role: principal.user.role };
}

export function registerWorkOrderRoutes(hall: HallContext, caseLookup: CaseLookup): void {
  const { db, clock } = hall;
  const today = () => businessDayOf(clock.now(), getSetting(db, 'hall.timeZone'));
  const view = (id: number) => {
    const row = workOrderRow(db, id);
    if (!row) throw notFound();
    return workOrderView(workingCalendar(db), today(), row);
  };
  const changed = (id: number) => {
    const v = view(id);
    hall.events.publish(WORK_ORDER_EVENT, { id, state: v.state, ratingId: v.ratingId }, [...LEADS]);
    return v;
  };

  hall.route({
    method: 'GET', url: '/work-orders', tag: 'ratings', summary: 'Bad-rating work orders: open, closed, all (leads) or mine (the clerk rated)',
    allow: STAFF, query: WorkOrderListQuery, response: WorkOrderList,
    handler: ({ query, principal }) => {
      const caller = stepCaller(principal);
      const lead = (LEADS as readonly string[]).includes(caller.role);
      const filter: WorkOrderFilter = !lead || query.view === 'mine' ? { kind: 'clerk', clerkId: caller.userId } : { kind: query.view };
      const calendar = workingCalendar(db);
      const day = today();
      return { orders: workOrderRows(db, filter).map((o) => workOrderView(calendar, day, o)) };
    },
  });
  hall.route({
    method: 'GET', url: '/work-orders/:id', tag: 'ratings', summary: 'One work order with its steps',
    allow: STAFF, params: WorkOrderId, response: WorkOrderView,
    handler: ({ params, principal }) => {
      const caller = stepCaller(principal);
      const row = workOrderRow(db, params.id);
      if (!row) throw notFound();
      // A clerk sees only the orders about their own service.
      if (!(LEADS as readonly string[]).includes(caller.role) && row.clerk_id !== caller.userId) throw notFound();
      return workOrderView(workingCalendar(db), today(), row);
    },
  });

  const steps = [
    ['callback', CallbackRequest, recordCallback, LEADS, 'Record the call-back (回访)'],
    ['rectification', RectifyRequest, recordRectification, LEADS, 'Record the rectification (整改)'],
    ['close', CloseRequest, closeWorkOrder, LEADS, 'Close the order as rectified or answered; the county gets a rating-followup record'],
    ['appeal', AppealRequest, appealRating, ['clerk', 'backoffice', 'supervisor'], 'The rated clerk appeals (申诉) with a reason'],
    ['review', ReviewRequest, reviewAppeal, LEADS, 'The supervisor decides the appeal (复核); upheld excludes the rating from the figures'],
  ] as const;
  for (const [action, body, apply, allow, summary] of steps) {
    hall.route({
      method: 'POST', url: `/work-orders/:id/${action}`, tag: 'ratings', summary,
      allow, params: WorkOrderId, body: body as z.ZodType<unknown>, response: WorkOrderView,
      handler: ({ params, body: input, principal, actor }) => {
        (apply as (...a: unknown[]) => void)(db, clock, actor, stepCaller(principal), params.id, input);
        return changed(params.id);
      },
    });
  }

  hall.route({
    method: 'POST', url: '/ratings/followup', tag: 'ratings', summary: "The citizen's one follow-up rating (追评) of a case's bad rating, at the kiosk",
    allow: ['device:kiosk'], status: 201, body: FollowupRatingRequest, response: z.object({ workOrderId: z.number() }),
    handler: async ({ body, principal, actor, request }) => {
      const found = await caseLookup.verify(guessingTerminal(principal, request.ip), body.case.caseNo, body.case.password);
      const id = recordFollowupRating(db, clock, actor, found.id, body.level, body.comment || null);
      changed(id);
      return { workOrderId: id };
    },
  });
}
