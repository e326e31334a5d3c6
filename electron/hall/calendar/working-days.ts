// Working-day arithmetic for promised time limits (DOMAIN §2). Pure: the calendar is passed in.
//
// Conventions, as halls count them (受理次日起算):
// - The day of acceptance does not count. Day 1 is the first working day AFTER acceptance, and a
//   limit of n working days is due at the end of the n-th such day (the due date itself is usable).
// - A date is a working day when it is a make-up working day (调休上班), or a Monday–Friday that is
//   not a public holiday. Weekends are off unless listed as make-up days.
// - A pause (特别程序) or correction (补正) `{from, to}` stops the clock on the working days
//   from ≤ d < to: the day it resumes counts again, so pausing and resuming on one day costs nothing.
// Dates are `YYYY-MM-DD` strings in the hall's own time zone; arithmetic runs in UTC so no daylight
// or host time zone can shift a day.

export interface WorkingCalendar {
  /** Public holidays (休), including the weekdays moved into a holiday block. */
  holidays: ReadonlySet<string>;
  /** Make-up working days (调休上班): weekend days that are working days. */
  workdays: ReadonlySet<string>;
}

export interface Pause {
  from: string;
  /** The day work resumed; null while still paused. */
  to: string | null;
}

export type WarningLevel = 'none' | 'yellow' | 'red';

export interface WarningThresholds {
  /** Yellow when this many working days or fewer remain (the due day itself counts as 0). */
  yellowAt: number;
}

const DAY_MS = 86_400_000;
// Fifty years of days: no real limit needs more, and a wrong calendar cannot loop forever.
const MAX_STEPS = 366 * 50;

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addDays(date: string, days: number): string {
  return new Date(toMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(toMs(date)).getUTCDay() + 6) % 7) + 1;
}

export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return isoWeekday(date) <= 5;
}

/** The due date of a limit of n working days accepted on `startDate`; n = 0 (即办) is due that day. */
export function addWorkingDays(calendar: WorkingCalendar, startDate: string, n: number): string {
  return dueDateWithPauses(calendar, startDate, n, [])!;
}

/** Working days after `a` up to and including `b`; negative when b is before a. */
export function workingDaysBetween(calendar: WorkingCalendar, a: string, b: string): number {
  if (b < a) return -workingDaysBetween(calendar, b, a);
  let count = 0;
  for (let d = addDays(a, 1), steps = 0; d <= b; d = addDays(d, 1), steps++) {
    if (steps > MAX_STEPS) throw new RangeError(`dates too far apart: ${a} … ${b}`);
    if (isWorkingDay(calendar, d)) count++;
  }
  return count;
}

/**
 * Working days left until `due`, seen on `today`: 0 on the due date itself; negative once it has
 * passed — overdue by that many working days, and at least 1 even when only a weekend has passed.
 */
export function remainingWorkingDays(calendar: WorkingCalendar, due: string, today: string): number {
  if (today <= due) return workingDaysBetween(calendar, today, due);
  return -Math.max(1, workingDaysBetween(calendar, due, today));
}

function pausedOn(pauses: readonly Pause[], date: string): boolean {
  return pauses.some((p) => date >= p.from && (p.to === null || date < p.to));
}

/**
 * The due date of a case accepted on `acceptedDate` with a limit of `limitDays` working days, the
 * working days inside pauses not counted. Null while a pause is still open: the date is not known
 * until work resumes (pass `to: today` to project "if it resumed today").
 */
export function dueDateWithPauses(calendar: WorkingCalendar, acceptedDate: string, limitDays: number, pauses: readonly Pause[]): string | null {
  if (!Number.isInteger(limitDays) || limitDays < 0) throw new RangeError(`a time limit is a whole number of working days, not ${limitDays}`);
  let date = acceptedDate;
  let counted = 0;
  for (let steps = 0; counted < limitDays; steps++) {
    if (steps > MAX_STEPS) throw new RangeError('no due date within fifty years; is the calendar wrong?');
    date = addDays(date, 1);
    if (pauses.some((p) => p.to === null && date >= p.from)) return null;
    if (isWorkingDay(calendar, date) && !pausedOn(pauses, date)) counted++;
  }
  return date;
}

export function warningLevel(remaining: number, thresholds: WarningThresholds): WarningLevel {
  if (remaining < 0) return 'red';
  return remaining <= thresholds.yellowAt ? 'yellow' : 'none';
}

/** The in-memory calendar from the stored exception days. */
export function calendarFrom(days: ReadonlyArray<{ date: string; kind: 'holiday' | 'workday' }>): WorkingCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}
