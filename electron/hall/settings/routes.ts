// GET/PUT /hall/settings: the hall's name, phone, 补正期限 and case-stage rating period (admin).
import { HallSettings } from '../../contract/hall-settings.js';
import type { HallContext } from '../context.js';
import { hallSettings, saveHallSettings } from './hall-settings.js';

export function registerHallSettingsRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  hall.route({
    method: 'GET', url: '/hall/settings', tag: 'settings', summary: "The hall's name, phone, correction period and rating period", allow: ['admin'],
    response: HallSettings, handler: () => hallSettings(db),
  });
  hall.route({
    method: 'PUT', url: '/hall/settings', tag: 'settings', summary: "Change the hall's name, phone, correction period or rating period", allow: ['admin'],
    body: HallSettings, response: HallSettings,
    handler: ({ body, actor }) => saveHallSettings(db, clock, actor, body),
  });
}
