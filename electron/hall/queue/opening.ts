// When the hall issues tickets: its opening periods (one or two a day, a lunch break between) on the
// days it opens. The working-day calendar decides the days over the weekday rule: a public holiday
// is closed, a make-up working day (调休上班) is open. Pure: settings and calendar are passed in.
import type { NextOpening, OpeningPeriod } from '../../contract/queue.js';
import { addDays, isoWeekday, type WorkingCalendar } from '../calendar/working-days.js';
import { businessDayOf, localTimeOf } from './business-day.js';

export interface OpeningHours {
  periods: readonly OpeningPeriod[];
  weekdays: readonly number[];
  /** false: the weekdays alone decide (a demo open on any date). */
  holidaysClosed?: boolean;
}

// Longer than any Chinese holiday block (Spring Festival, National Day: 8–9 days) with room to spare.
const LOOKAHEAD_DAYS = 60;

export function isOpeningDay(calendar: WorkingCalendar, hours: OpeningHours, date: string): boolean {
  if (hours.holidaysClosed !== false) {
    if (calendar.workdays.has(date)) return true;
    if (calendar.holidays.has(date)) return false;
  }
  return hours.weekdays.includes(isoWeekday(date));
}

export function isOpenAt(now: Date, timeZone: string, hours: OpeningHours, calendar: WorkingCalendar): boolean {
  if (!isOpeningDay(calendar, hours, businessDayOf(now, timeZone))) return false;
  const { hhmm } = localTimeOf(now, timeZone);
  return hours.periods.some((p) => hhmm >= p.open && hhmm < p.close);
}

/** The next start of an opening period after `now` (later today, or a following opening day). */
export function nextOpening(now: Date, timeZone: string, hours: OpeningHours, calendar: WorkingCalendar): NextOpening | null {
  const today = businessDayOf(now, timeZone);
  const { hhmm } = localTimeOf(now, timeZone);
  const starts = hours.periods.map((p) => p.open).sort();
  for (let i = 0, date = today; i <= LOOKAHEAD_DAYS; i++, date = addDays(date, 1)) {
    if (!isOpeningDay(calendar, hours, date)) continue;
    const time = i === 0 ? starts.find((open) => open > hhmm) : starts[0];
    if (time) return { date, time };
  }
  return null;
}
