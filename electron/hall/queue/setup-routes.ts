import { z } from 'zod';
import { IdParam } from '../../contract/api.js';
import {
  AppointmentView,
  CategoryView,
  CreateAppointmentRequest,
  CreateCategoryRequest,
  CreateWindowRequest,
  QueueSettings,
  UpdateCategoryRequest,
  UpdateWindowRequest,
  WindowView,
} from '../../contract/queue.js';
import type { HallContext } from '../context.js';
import { createAppointment, listAppointments } from './appointments.js';
import { queueSettings, saveQueueSettings } from './settings.js';
import { createCategory, createWindow, listCategories, listWindows, updateCategory, updateWindow } from './setup-service.js';
import { today } from './tickets.js';
import { appendAudit } from '../audit/chain.js';

const CodeParam = z.object({ code: z.string().min(1).max(8) });
const DayQuery = z.object({ day: z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { params: { reason: 'date_format' } }).optional() });

export function registerQueueSetupRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  const admin = ['admin'] as const;

  hall.route({
    method: 'GET', url: '/queue/categories', tag: 'queue', summary: 'Queue categories', allow: 'authenticated',
    response: z.array(CategoryView), handler: () => listCategories(db),
  });
  hall.route({
    method: 'POST', url: '/queue/categories', tag: 'queue', summary: 'Add a queue category', allow: admin, status: 201,
    body: CreateCategoryRequest, response: CategoryView,
    handler: ({ body, actor }) => {
      const c = createCategory(db, clock, actor, body);
      hall.events.publish('queue.setup', { categories: true });
      return c;
    },
  });
  hall.route({
    method: 'PUT', url: '/queue/categories/:code', tag: 'queue', summary: 'Change a queue category', allow: admin,
    params: CodeParam, body: UpdateCategoryRequest, response: CategoryView,
    handler: ({ params, body, actor }) => {
      const c = updateCategory(db, clock, actor, params.code, body);
      hall.events.publish('queue.setup', { categories: true });
      return c;
    },
  });
  hall.route({
    method: 'GET', url: '/windows', tag: 'queue', summary: 'Windows, their categories and who is at them', allow: 'authenticated',
    response: z.array(WindowView), handler: () => listWindows(db),
  });
  hall.route({
    method: 'POST', url: '/windows', tag: 'queue', summary: 'Add a window and the categories it serves, in order', allow: admin, status: 201,
    body: CreateWindowRequest, response: WindowView,
    handler: ({ body, actor }) => {
      const w = createWindow(db, clock, actor, body);
      hall.events.publish('window.updated', w);
      return w;
    },
  });
  hall.route({
    method: 'PUT', url: '/windows/:id', tag: 'queue', summary: 'Change a window', allow: admin,
    params: IdParam, body: UpdateWindowRequest, response: WindowView,
    handler: ({ params, body, actor }) => {
      const w = updateWindow(db, clock, actor, params.id, body);
      hall.events.publish('window.updated', w);
      return w;
    },
  });
  hall.route({
    method: 'GET', url: '/queue/settings', tag: 'queue', summary: 'Hours, announcement, slip and printer settings', allow: 'authenticated',
    response: QueueSettings, handler: () => queueSettings(db),
  });
  hall.route({
    method: 'PUT', url: '/queue/settings', tag: 'queue', summary: 'Change the queue settings', allow: admin,
    body: QueueSettings, response: QueueSettings,
    handler: ({ body, actor }) => {
      db.transaction(() => {
        const before = queueSettings(db);
        saveQueueSettings(db, clock, body);
        // The values themselves, before and after, of what changed (DOMAIN §2: an audit row says what).
        const changed = Object.fromEntries(
          (Object.keys(body) as (keyof typeof body)[])
            .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(body[key]))
            .map((key) => [key, { before: before[key], after: body[key] }]),
        );
        appendAudit(db, actor, clock.now(), { action: 'queue-settings', entity: 'settings', entityId: 'queue.settings', detail: { changed } });
      }).immediate();
      hall.events.publish('queue.settings', body);
      return body;
    },
  });
  hall.route({
    method: 'GET', url: '/appointments', tag: 'queue', summary: 'Appointments of a day (names masked)', allow: ['admin', 'clerk'],
    query: DayQuery, response: z.array(AppointmentView),
    handler: ({ query }) => listAppointments(db, query.day ?? today(db, clock)),
  });
  hall.route({
    method: 'POST', url: '/appointments', tag: 'queue', summary: 'Book an appointment; returns its 6-digit code', allow: ['admin', 'clerk'], status: 201,
    body: CreateAppointmentRequest, response: AppointmentView,
    handler: ({ body, actor }) => createAppointment(db, clock, actor, body),
  });
}
