// Ratings come only from the citizen's own terminals (DOMAIN §3): the rating pad for a ticket of its
// window, the kiosk for a case it has verified by number and query password. No staff token rates.
import { PendingRating, RatingRequest, RatingView } from '../../contract/queue.js';
import { guessingTerminal } from '../auth/attempt-window.js';
import type { CaseLookup } from '../cases/lookup.js';
import type { HallContext } from '../context.js';
import { forbidden, HallError } from '../http/errors.js';
import { rateCaseStage } from './case-ratings.js';
import { pendingRating, rateTicket, scoresOf } from './ratings.js';

/** `caseLookup` is the lookup's own instance: a case rating's password goes through the same limiter. */
export function registerRatingRoutes(hall: HallContext, caseLookup: CaseLookup): void {
  const { db, clock } = hall;
  hall.route({
    method: 'POST', url: '/ratings', tag: 'ratings',
    summary: "A citizen's rating (DOMAIN §3): a ticket from the pad of its window; a case stage from the kiosk with the case number and query password",
    allow: ['device:rating', 'device:kiosk'], status: 201, body: RatingRequest, response: RatingView,
    handler: async ({ body, principal, actor, request }) => {
      if (principal?.kind !== 'device') throw forbidden();
      const { device } = principal;
      let rating: RatingView;
      if (body.ticketId !== undefined) {
        if (device.kind !== 'rating') throw new HallError('forbidden', 'rating_ticket_pad_only');
        rating = rateTicket(db, clock, device.id, actor, body.ticketId, scoresOf(body));
      } else {
        if (device.kind !== 'kiosk') throw new HallError('forbidden', 'rating_case_kiosk_only');
        const target = body.case!;
        const found = await caseLookup.verify(guessingTerminal(principal, request.ip), target.caseNo, target.password);
        rating = rateCaseStage(db, clock, device.id, actor, found.id, target.stage, scoresOf(body));
      }
      hall.events.publish(
        'rating.created',
        { id: rating.id, ticketId: rating.ticketId, caseId: rating.caseId, stage: rating.stage, channel: rating.channel, level: rating.level, bad: rating.bad },
        ['admin', 'supervisor', 'device:rating'],
      );
      return rating;
    },
  });
  hall.route({
    method: 'GET', url: '/ratings/pending', tag: 'ratings', summary: 'The ticket the pad beside a window should ask about now',
    allow: ['device:rating'], response: PendingRating,
    handler: ({ principal }) => pendingRating(db, clock, principal!.kind === 'device' ? principal!.device.id : 0),
  });
}
