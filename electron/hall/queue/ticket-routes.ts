import { z } from 'zod';
import { IdParam } from '../../contract/api.js';
import {
  CompleteTicketRequest,
  DailyFigures,
  IssuedTicket,
  IssueTicketRequest,
  QueueState,
  StartTicketRequest,
  TicketView,
  TransferTicketRequest,
  WindowView,
} from '../../contract/queue.js';
import { guessingTerminal } from '../auth/attempt-window.js';
import type { HallContext } from '../context.js';
import { AppointmentGuesses } from './appointments.js';
import { dailyFigures } from './day-end.js';
import { publishTicket } from './events.js';
import { issuedTicketView } from './issued-view.js';
import { queueState } from './state.js';
import {
  callNext,
  cancelTicket,
  completeService,
  findTicket,
  issueTicket,
  markNoShow,
  recallTicket,
  startService,
  today,
  toTicketView,
  type TicketRow,
  transferTicket,
  windowTickets,
} from './tickets.js';
import { pauseWindow, resumeWindow, signIn, signOut } from './window-sessions.js';
import { releaseWindow } from './window-release.js';
import { publishReleased, releaseWindowsOnCredentialEnd } from './window-watch.js';
import { notFound } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { get, sql } from '../../../db/sql.js';

const clerk = ['clerk'] as const;

export function registerTicketRoutes(hall: HallContext): void {
  const { db, clock, events } = hall;
  const appointmentGuesses = new AppointmentGuesses();

  hall.route({
    method: 'GET', url: '/queue/state', tag: 'queue', summary: 'Waiting per category, current and recent calls', allow: 'authenticated',
    response: QueueState, handler: () => queueState(db, clock),
  });

  hall.route({
    method: 'POST', url: '/queue/tickets', tag: 'queue', summary: 'Take a ticket (kiosk) or issue one at the counter', allow: ['device:kiosk', 'clerk'],
    status: 201, body: IssueTicketRequest, response: IssuedTicket,
    handler: ({ body, actor, principal, request }): IssuedTicket => {
      const issue = () => issueTicket(db, clock, actor, body);
      // A ticket by appointment code is a guess until the code holds: limited per terminal.
      const { ticket, ahead, estimatedWaitMinutes, replayed, guide } = body.appointmentCode
        ? appointmentGuesses.limit(guessingTerminal(principal, request.ip), clock.now().getTime(), issue)
        : issue();
      if (!replayed) publishTicket(events, db, clock, 'ticket.issued', ticket);
      return issuedTicketView(db, ticket, { ahead, estimatedWaitMinutes }, `${request.protocol}://${request.host}`, guide);
    },
  });

  hall.route({
    method: 'GET', url: '/queue/tickets/:id', tag: 'queue', summary: 'One ticket', allow: ['clerk', 'supervisor', 'admin'],
    params: IdParam, response: TicketView,
    handler: ({ params }) => {
      const t = findTicket(db, params.id);
      if (!t) throw notFound();
      return toTicketView(t);
    },
  });

  hall.route({
    method: 'POST', url: '/windows/:id/call-next', tag: 'queue', summary: 'Call the next ticket to this window', allow: clerk,
    params: IdParam, response: z.object({ ticket: TicketView.nullable() }),
    handler: ({ params, actor }) => {
      const ticket = callNext(db, clock, actor, params.id);
      if (ticket) publishTicket(events, db, clock, 'ticket.called', ticket);
      return { ticket: ticket && toTicketView(ticket) };
    },
  });

  const action = <B>(name: string, summary: string, body: z.ZodType<B> | undefined, run: (id: number, body: B, actor: Actor) => TicketRow, event: string) =>
    hall.route({
      method: 'POST', url: `/queue/tickets/:id/${name}`, tag: 'queue', summary, allow: clerk, params: IdParam, body, response: TicketView,
      handler: ({ params, body: input, actor }) => {
        const t = run(params.id, input, actor);
        publishTicket(events, db, clock, event, t, event === 'ticket.completed' ? { ratingDeviceId: ratingDeviceOf(t.window_id) } : {});
        return toTicketView(t);
      },
    });
  // The pad beside the window hears of the completion and asks the citizen for a rating.
  const ratingDeviceOf = (windowId: number | null) =>
    windowId === null ? null : (get<{ id: number | null }>(db, sql`SELECT rating_device_id AS id FROM windows WHERE id = ${windowId}`)?.id ?? null);

  action('recall', 'Call the same ticket again', undefined, (id, _b, a) => recallTicket(db, clock, a, id), 'ticket.called');
  action('no-show', 'The citizen did not come', undefined, (id, _b, a) => markNoShow(db, clock, a, id), 'ticket.updated');
  action('start', 'The citizen is at the window', StartTicketRequest.optional(), (id, b, a) => startService(db, clock, a, id, b?.priorityConfirmed), 'ticket.updated');
  action('complete', 'Service finished; the items handled', CompleteTicketRequest.optional(), (id, b, a) => completeService(db, clock, a, id, b?.itemCodes ?? []), 'ticket.completed');
  action('cancel', 'Cancel a waiting or called ticket', z.object({ note: z.string().trim().max(200).optional() }).optional(), (id, b, a) => cancelTicket(db, clock, a, id, b?.note), 'ticket.updated');

  hall.route({
    method: 'POST', url: '/queue/tickets/:id/transfer', tag: 'queue', summary: 'Send the citizen to another category or window, keeping the arrival time',
    allow: clerk, params: IdParam, body: TransferTicketRequest, response: z.object({ from: TicketView, to: TicketView }),
    handler: ({ params, body, actor }) => {
      const { from, to } = transferTicket(db, clock, actor, params.id, body);
      publishTicket(events, db, clock, 'ticket.updated', from);
      publishTicket(events, db, clock, 'ticket.issued', to);
      return { from: toTicketView(from), to: toTicketView(to) };
    },
  });

  const windowAction = (name: string, summary: string, run: typeof signIn) =>
    hall.route({
      method: 'POST', url: `/windows/:id/${name}`, tag: 'queue', summary, allow: clerk, params: IdParam, response: WindowView,
      handler: ({ params, actor }) => {
        const w = run(db, clock, actor, params.id);
        events.publish('window.updated', w);
        return w;
      },
    });
  windowAction('sign-in', 'Take this window (and leave any other)', signIn);
  windowAction('pause', 'Pause: no new tickets to this window', pauseWindow);
  windowAction('resume', 'Resume calling at this window', resumeWindow);
  windowAction('sign-out', 'Leave this window', signOut);

  hall.route({
    method: 'POST', url: '/windows/:id/release', tag: 'queue',
    summary: "Free a window its clerk cannot leave (PC dead, clerk gone): its ticket back to the queue with its arrival time; audited; 409 when nobody holds it",
    allow: ['supervisor', 'admin'], params: IdParam, response: WindowView,
    handler: ({ params, actor }) => {
      const released = releaseWindow(db, clock, actor, params.id);
      publishReleased(events, db, clock, [released]);
      return released.window;
    },
  });
  // Logging out, being disabled or losing the clerk role frees the windows the user held.
  const unlisten = releaseWindowsOnCredentialEnd(db, clock, events, (err) => hall.app.log.warn({ err }, 'window release on credential end failed'));
  hall.app.addHook('onClose', async () => unlisten());

  hall.route({
    method: 'GET', url: '/windows/:id/tickets', tag: 'queue', summary: "Today's tickets at this window, newest first", allow: ['clerk', 'supervisor', 'admin'],
    params: IdParam, response: z.array(TicketView),
    handler: ({ params }) => windowTickets(db, clock, params.id).map(toTicketView),
  });

  hall.route({
    method: 'GET', url: '/queue/daily', tag: 'queue', summary: 'Figures of a business day per category', allow: ['supervisor', 'admin'],
    query: z.object({ day: z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { params: { reason: 'date_format' } }).optional() }),
    response: z.array(DailyFigures),
    handler: ({ query }) => dailyFigures(db, clock, query.day ?? today(db, clock)),
  });
}
