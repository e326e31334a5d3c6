// GET/PUT /hall/settings: the hall's name, phone, 补正期限, case-stage rating period, 差评整改 limits and lead, and the dashboard's wait target (admin).
import { HallSettings } from '../../contract/hall-settings.js';
import type { HallContext } from '../context.js';
import { hallSettings, saveHallSettings } from './hall-settings.js';

export function registerHallSettingsRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  hall.route({
    method: 'GET', url: '/hall/settings', tag: 'settings', summary: "The hall's name, phone, correction and rating periods, bad-rating work-order limits and lead, dashboard wait target", allow: ['admin'],
    response: HallSettings, handler: () => hallSettings(db),
  });
  hall.route({
    method: 'PUT', url: '/hall/settings', tag: 'settings', summary: "Change the hall's settings (400 naming the field; audited with the values before and after)", allow: ['admin'],
    body: HallSettings, response: HallSettings,
    handler: ({ body, actor }) => saveHallSettings(db, clock, actor, body),
  });
}
