// The promised time limit of a case (DOMAIN §2): it runs from acceptance by the hall's calendar, stops
// while paused (特别程序) and ends at conclusion. Due dates are hall-local `YYYY-MM-DD` days.
import type { TimeLimit } from '../../contract/catalog.js';
import { addDays, addWorkingDays, dueDateWithPauses, remainingWorkingDays, warningLevel, type Pause, type WarningLevel, type WorkingCalendar } from '../calendar/working-days.js';

/** Calendar days inside closed pauses, for limits counted in calendar days or months. */
function pausedCalendarDays(pauses: readonly Pause[]): number {
  return pauses.reduce((sum, p) => sum + (p.to === null ? 0 : Math.max(0, (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000)), 0);
}

/** `2026-01-31` + 1 month → `2026-02-28`: the same day of the month, or its last day. */
function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The due date, or null while a pause is still open (unknown until work resumes). */
export function caseDueDate(calendar: WorkingCalendar, acceptedDay: string, limit: TimeLimit, pauses: readonly Pause[]): string | null {
  if (limit.unit === 'working_days') return dueDateWithPauses(calendar, acceptedDay, limit.value, pauses);
  if (pauses.some((p) => p.to === null)) return null;
  const base = limit.unit === 'days' ? addDays(acceptedDay, limit.value) : addMonths(acceptedDay, limit.value);
  return addDays(base, pausedCalendarDays(pauses));
}

export interface LimitState {
  remainingWorkingDays: number | null;
  warning: WarningLevel;
}

/** Computed at read time, so a case turns yellow or red without anything being written. */
export function limitState(calendar: WorkingCalendar, dueDate: string | null, running: boolean, today: string, yellowAt: number): LimitState {
  if (!dueDate || !running) return { remainingWorkingDays: null, warning: 'none' };
  const remaining = remainingWorkingDays(calendar, dueDate, today);
  return { remainingWorkingDays: remaining, warning: warningLevel(remaining, { yellowAt }) };
}

/**
 * The latest due date that is yellow today: due dates in [today, this] have ≤ yellowAt working days
 * left. Lets the list filter by warning with a range on the due-date index instead of a table scan.
 */
export function yellowUntil(calendar: WorkingCalendar, today: string, yellowAt: number): string {
  // The (yellowAt + 1)-th working day after today is the first one that is not yellow.
  return addDays(addWorkingDays(calendar, today, yellowAt + 1), -1);
}
