import { PendingRating, RatingRequest, RatingView } from '../../contract/queue.js';
import type { HallContext } from '../context.js';
import { pendingRating, submitRating } from './ratings.js';

export function registerRatingRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  hall.route({
    method: 'POST', url: '/ratings', tag: 'ratings', summary: "A citizen's rating of a ticket or case (DOMAIN §3)",
    allow: ['device:rating', 'device:kiosk', 'clerk'], status: 201, body: RatingRequest, response: RatingView,
    handler: ({ body, principal, actor }) => {
      const rating = submitRating(db, clock, principal!, actor, body);
      hall.events.publish('rating.created', { id: rating.id, ticketId: rating.ticketId, level: rating.level, bad: rating.bad }, ['admin', 'supervisor', 'device:rating']);
      return rating;
    },
  });
  hall.route({
    method: 'GET', url: '/ratings/pending', tag: 'ratings', summary: 'The ticket the pad beside a window should ask about now',
    allow: ['device:rating'], response: PendingRating,
    handler: ({ principal }) => pendingRating(db, clock, principal!.kind === 'device' ? principal!.device.id : 0),
  });
}
