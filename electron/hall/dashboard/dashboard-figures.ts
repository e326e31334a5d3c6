// Every figure of the command centre at one moment, from one read snapshot (DOMAIN §8). Runs in a
// report worker (reports/report-queries.ts) so the host's thread keeps calling tickets.
import type { Db } from '../../../db/connection.js';
import type { Dashboard } from '../../contract/dashboard.js';
import { all, sql } from '../../../db/sql.js';
import { calendarSettings } from '../calendar/service.js';
import { calendarFrom } from '../calendar/working-days.js';
import { yellowUntil } from '../cases/time-limit.js';
import { businessDayOf } from '../queue/business-day.js';
import { getSetting } from '../settings/service.js';
import { caseFigures } from './case-figures.js';
import { hallDayStart } from './period.js';
import { queueNow } from './queue-figures.js';
import { openOrders, ratingFigures } from './rating-figures.js';
import { agentFigures, uploadHealth } from './upload-figures.js';

export function dashboardFigures(db: Db, now: Date): Dashboard {
  return db.transaction((): Dashboard => {
    const timeZone = getSetting(db, 'hall.timeZone');
    const today = businessDayOf(now, timeZone);
    const monthFrom = `${today.slice(0, 8)}01`;
    // Read fresh: a worker's connection never hears of the admin's calendar edits.
    const calendar = calendarFrom(all<{ date: string; kind: 'holiday' | 'workday' }>(db, sql`SELECT date, kind FROM calendar_days`));
    const orders = openOrders(db);
    return {
      at: now.toISOString(),
      businessDay: today,
      queue: queueNow(db, { now: now.toISOString(), today, targetMinutes: getSetting(db, 'dashboard.waitTargetMinutes') }),
      cases: caseFigures(db, { today, yellowUntil: yellowUntil(calendar, today, calendarSettings(db).yellowAt) }),
      ratingsToday: ratingFigures(db, { from: today, to: today }),
      ratingsMonth: ratingFigures(db, { from: monthFrom, to: today }),
      openOrders: orders.orders,
      openOrderCount: orders.count,
      upload: uploadHealth(db),
      agents: agentFigures(db, { monthStart: hallDayStart(monthFrom, timeZone).toISOString(), today, timeZone, calendar }),
    };
  })();
}
