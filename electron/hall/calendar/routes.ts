// The calendar's routes (DESIGN §6): staff read it and ask for due dates; only the admin edits it.
import type { Caller } from '../http/principal.js';
import {
  CalendarDateParam,
  CalendarDayView,
  CalendarSettings,
  CalendarYearParam,
  CalendarYearQuery,
  CalendarYearView,
  ConfirmCalendarYearRequest,
  PutCalendarDayRequest,
  WorkingDaysQuery,
  WorkingDaysView,
} from '../../contract/calendar.js';
import type { HallContext } from '../context.js';
import {
  calendarSettings,
  calendarYear,
  confirmCalendarYear,
  deleteCalendarDay,
  putCalendarDay,
  saveCalendarSettings,
  seedCalendarIfEmpty,
  workingCalendar,
} from './service.js';
import { loadShippedCalendar } from './shipped.js';
import { addWorkingDays } from './working-days.js';

const STAFF: readonly Caller[] = ['admin', 'clerk', 'backoffice', 'agent', 'supervisor'];
const ADMIN: readonly Caller[] = ['admin'];
export const CALENDAR_EVENT = 'calendar.updated';

export function registerCalendarRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  seedCalendarIfEmpty(db, clock, loadShippedCalendar());
  // Screens showing due dates recompute them when the calendar changes.
  const changed = (what: Record<string, unknown>) => hall.events.publish(CALENDAR_EVENT, what, STAFF);

  hall.route({
    method: 'GET', url: '/calendar', tag: 'calendar', summary: 'Holidays and make-up working days of a year', allow: STAFF,
    query: CalendarYearQuery, response: CalendarYearView, handler: ({ query }) => calendarYear(db, query.year),
  });
  hall.route({
    method: 'PUT', url: '/calendar/days/:date', tag: 'calendar', summary: 'Make a date a holiday or a make-up working day', allow: ADMIN,
    params: CalendarDateParam, body: PutCalendarDayRequest, response: CalendarDayView,
    handler: ({ params, body, actor }) => {
      const day = putCalendarDay(db, clock, actor, params.date, body);
      changed({ date: params.date });
      return day;
    },
  });
  hall.route({
    method: 'DELETE', url: '/calendar/days/:date', tag: 'calendar', summary: 'Return a date to the weekday rule', allow: ADMIN, status: 204,
    params: CalendarDateParam,
    handler: ({ params, actor }) => {
      deleteCalendarDay(db, clock, actor, params.date);
      changed({ date: params.date });
    },
  });
  hall.route({
    method: 'PUT', url: '/calendar/years/:year', tag: 'calendar', summary: "Mark a year's official arrangement as entered", allow: ADMIN,
    params: CalendarYearParam, body: ConfirmCalendarYearRequest, response: CalendarYearView,
    handler: ({ params, body, actor }) => {
      const year = confirmCalendarYear(db, clock, actor, params.year, body.source);
      changed({ year: params.year });
      return year;
    },
  });
  hall.route({
    method: 'GET', url: '/calendar/working-days', tag: 'calendar', summary: 'The due date of n working days from a date (受理次日起算)', allow: STAFF,
    query: WorkingDaysQuery, response: WorkingDaysView,
    handler: ({ query }) => ({ from: query.from, n: query.n, due: addWorkingDays(workingCalendar(db), query.from, query.n) }),
  });
  hall.route({
    method: 'GET', url: '/calendar/settings', tag: 'calendar', summary: 'Time-limit warning thresholds', allow: STAFF,
    response: CalendarSettings, handler: () => calendarSettings(db),
  });
  hall.route({
    method: 'PUT', url: '/calendar/settings', tag: 'calendar', summary: 'Change the time-limit warning thresholds', allow: ADMIN,
    body: CalendarSettings, response: CalendarSettings,
    handler: ({ body, actor }) => {
      const settings = saveCalendarSettings(db, clock, actor, body);
      changed({ settings: true });
      return settings;
    },
  });
}
