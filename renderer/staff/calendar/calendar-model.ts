// The year view's arithmetic: month grids starting on Monday, and what each date is. Pure.
import type { CalendarDayView } from '../../../electron/contract/calendar.js';

/** holiday (休) and workday (调休上班) come from the calendar; weekend and normal from the weekday rule. */
export type DayStatus = 'holiday' | 'workday' | 'weekend' | 'normal';

export const isoDate = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** 1 = Monday … 7 = Sunday, in UTC so the computer's time zone cannot shift a date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The weeks of a month as rows of 7; null pads the days before the 1st and after the last. */
export function monthWeeks(year: number, month: number): Array<Array<string | null>> {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: Array<string | null> = Array.from({ length: isoWeekday(isoDate(year, month, 1)) - 1 }, () => null);
  for (let d = 1; d <= days; d++) cells.push(isoDate(year, month, d));
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

export function dayStatus(date: string, days: ReadonlyMap<string, CalendarDayView>): DayStatus {
  const listed = days.get(date);
  if (listed) return listed.kind;
  return isoWeekday(date) >= 6 ? 'weekend' : 'normal';
}

export function byDate(days: readonly CalendarDayView[]): Map<string, CalendarDayView> {
  return new Map(days.map((d) => [d.date, d]));
}
