// The hall's calendar: the stored exception days, the years still provisional, and an in-memory
// copy of the calendar that every due-date calculation reads (rebuilt after each edit).
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import { CalendarSettings, type CalendarDayView, type CalendarYearView, type PutCalendarDayRequest } from '../../contract/calendar.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { notFound } from '../http/errors.js';
import { SYSTEM_ACTOR, type Actor } from '../http/principal.js';
import { getJsonSetting, setJsonSetting } from '../settings/service.js';
import { shippedDays, type ShippedYear } from './shipped.js';
import { calendarFrom, type WorkingCalendar } from './working-days.js';
import { z } from 'zod';

/** Per year: is its arrangement still provisional, and which notice it follows. */
const YEARS_KEY = 'calendar.years';
const YearInfo = z.record(z.string(), z.object({ provisional: z.boolean(), source: z.string() }));
type YearInfo = z.infer<typeof YearInfo>;

/** The warning thresholds of case time limits (DOMAIN §2); cases read them from here too. */
export const WARNINGS_KEY = 'cases.warnings';
export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = { yellowAt: 2 };

const cache = new WeakMap<Db, WorkingCalendar>();

export function workingCalendar(db: Db): WorkingCalendar {
  let calendar = cache.get(db);
  if (!calendar) {
    calendar = calendarFrom(all<{ date: string; kind: 'holiday' | 'workday' }>(db, sql`SELECT date, kind FROM calendar_days`));
    cache.set(db, calendar);
  }
  return calendar;
}

/** First start only: an empty table gets the shipped years; after that the admin's edits rule. */
export function seedCalendarIfEmpty(db: Db, clock: Clock, years: readonly ShippedYear[]): number {
  return db.transaction(() => {
    if (get(db, sql`SELECT 1 FROM calendar_days LIMIT 1`)) return 0;
    const days = shippedDays(years);
    for (const d of days) run(db, sql`INSERT INTO calendar_days (date, kind, name, source) VALUES (${d.date}, ${d.kind}, ${d.name}, ${d.source})`);
    const info: YearInfo = Object.fromEntries(years.map((y) => [String(y.year), { provisional: y.provisional, source: y.source }]));
    setJsonSetting(db, clock, YEARS_KEY, info);
    appendAudit(db, SYSTEM_ACTOR, clock.now(), { action: 'calendar-seed', entity: 'calendar', entityId: 'shipped', detail: { days: days.length, years: years.map((y) => y.year) } });
    cache.delete(db);
    return days.length;
  }).immediate();
}

function yearInfo(db: Db): YearInfo {
  return getJsonSetting(db, YEARS_KEY, YearInfo, {});
}

export function calendarYear(db: Db, year: number): CalendarYearView {
  const days = all<CalendarDayView>(db, sql`SELECT date, kind, name, source FROM calendar_days WHERE date >= ${`${year}-01-01`} AND date <= ${`${year}-12-31`} ORDER BY date`);
  const info = yearInfo(db)[String(year)];
  // A year nobody shipped or confirmed has no holidays at all until the admin enters them: say so.
  return { year, provisional: info?.provisional ?? true, source: info?.source ?? null, days };
}

function dayAt(db: Db, date: string): CalendarDayView | undefined {
  return get<CalendarDayView>(db, sql`SELECT date, kind, name, source FROM calendar_days WHERE date = ${date}`);
}

export function putCalendarDay(db: Db, clock: Clock, actor: Actor, date: string, input: PutCalendarDayRequest): CalendarDayView {
  return db.transaction(() => {
    const before = dayAt(db, date);
    run(
      db,
      sql`INSERT INTO calendar_days (date, kind, name, source) VALUES (${date}, ${input.kind}, ${input.name}, 'admin')
          ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = excluded.source`,
    );
    appendAudit(db, actor, clock.now(), {
      action: 'calendar-day-set', entity: 'calendar-day', entityId: date,
      before: before?.kind ?? 'normal', after: input.kind, detail: { name: input.name, before: before ?? null },
    });
    cache.delete(db);
    return dayAt(db, date)!;
  }).immediate();
}

/** Back to the weekday rule (Monday–Friday work). */
export function deleteCalendarDay(db: Db, clock: Clock, actor: Actor, date: string): void {
  db.transaction(() => {
    const before = dayAt(db, date);
    if (!before) throw notFound();
    run(db, sql`DELETE FROM calendar_days WHERE date = ${date}`);
    appendAudit(db, actor, clock.now(), {
      action: 'calendar-day-clear', entity: 'calendar-day', entityId: date, before: before.kind, after: 'normal', detail: { before },
    });
    cache.delete(db);
  }).immediate();
}

/** The admin has entered the State Council's arrangement for the year: no longer provisional. */
export function confirmCalendarYear(db: Db, clock: Clock, actor: Actor, year: number, source: string): CalendarYearView {
  db.transaction(() => {
    setJsonSetting(db, clock, YEARS_KEY, { ...yearInfo(db), [String(year)]: { provisional: false, source } });
    appendAudit(db, actor, clock.now(), { action: 'calendar-year-confirm', entity: 'calendar', entityId: String(year), detail: { source } });
  }).immediate();
  return calendarYear(db, year);
}

export function calendarSettings(db: Db): CalendarSettings {
  return getJsonSetting(db, WARNINGS_KEY, CalendarSettings, DEFAULT_CALENDAR_SETTINGS);
}

export function saveCalendarSettings(db: Db, clock: Clock, actor: Actor, settings: CalendarSettings): CalendarSettings {
  db.transaction(() => {
    setJsonSetting(db, clock, WARNINGS_KEY, settings);
    appendAudit(db, actor, clock.now(), { action: 'calendar-settings', entity: 'settings', entityId: WARNINGS_KEY, detail: { ...settings } });
  }).immediate();
  return settings;
}
