// /sync/*: the operator's view of the county upload (DESIGN §6). The uploader itself runs in the
// background; these routes only read its state, change settings, or start a cycle without waiting.
import { z } from 'zod';
import { RecordIdParam, SYNC_STATUS_EVENT, SyncAlert, SyncRunAccepted, SyncSettingsRequest, SyncSettingsView, SyncStatus } from '../../contract/sync.js';
import type { HallContext } from '../context.js';
import { resendRecord } from './resend.js';
import { saveSyncSettings, syncSettingsView } from './sync-settings.js';
import type { Uploader } from './uploader.js';

const OPERATORS = ['admin', 'supervisor'] as const;

export function registerSyncRoutes(hall: HallContext, uploader: Uploader, secretDir: string | null): void {
  const { db, clock } = hall;
  const publish = () => hall.events.publish(SYNC_STATUS_EVENT, uploader.summary(), OPERATORS);
  hall.route({
    method: 'GET', url: '/sync/status', tag: 'sync', summary: 'Outbox counts by state, oldest pending, last success, rejected records with reasons, decisions',
    allow: OPERATORS, response: SyncStatus,
    handler: () => uploader.status(),
  });
  hall.route({
    method: 'GET', url: '/sync/alert', tag: 'sync', summary: 'Whether the upload has failed long enough that every staff screen shows the banner',
    allow: ['admin', 'supervisor', 'clerk', 'backoffice', 'agent'], response: SyncAlert,
    handler: () => {
      const { alert, paused, failingSince } = uploader.summary();
      return { alert, paused, failingSince };
    },
  });
  hall.route({
    method: 'POST', url: '/sync/run', tag: 'sync', summary: 'Start an upload cycle now (lifts a 401/403 pause); does not wait for it',
    allow: OPERATORS, status: 202, response: SyncRunAccepted,
    handler: () => ({ started: uploader.trigger() }),
  });
  hall.route({
    method: 'POST', url: '/sync/records/:recordId/resend', tag: 'sync', summary: 'Put a rejected record back in the queue',
    allow: ['admin'], params: RecordIdParam, response: z.object({ recordId: z.string(), state: z.literal('pending') }),
    handler: ({ params, actor }) => {
      const result = resendRecord(db, clock, actor, params.recordId);
      publish();
      return result;
    },
  });
  hall.route({
    method: 'GET', url: '/sync/settings', tag: 'sync', summary: 'County URL, hall code, interval, alert threshold; whether a key is set (never the key)',
    allow: ['admin'], response: SyncSettingsView,
    handler: () => syncSettingsView(db),
  });
  hall.route({
    method: 'PUT', url: '/sync/settings', tag: 'sync', summary: 'Change the county upload settings (the key only if given)',
    allow: ['admin'], body: SyncSettingsRequest, response: SyncSettingsView,
    handler: ({ body, actor }) => {
      const view = saveSyncSettings(db, clock, actor, secretDir, body);
      uploader.reschedule();
      publish();
      return view;
    },
  });
}
