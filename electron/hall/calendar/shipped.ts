// The calendar shipped in resources/calendar: official arrangements per year, expanded into the
// day rows the calendar_days table holds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CalendarDayView } from '../../contract/calendar.js';
import { resourcesDir } from '../paths.js';
import { addDays } from './working-days.js';

const ShippedYear = z.object({
  year: z.number().int(),
  provisional: z.boolean(),
  source: z.string(),
  holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
  workdays: z.array(z.object({ name: z.string(), date: z.string() })),
});
export type ShippedYear = z.infer<typeof ShippedYear>;
const ShippedCalendar = z.object({ years: z.array(ShippedYear) });

/** The source of a provisional year's days: the year's long explanation lives with the year. */
export const PROVISIONAL_SOURCE = '暂定：法定节日当日，待国务院办公厅通知';

export const SHIPPED_CALENDAR_FILE = 'cn-holidays-2025-2027.json';

export function loadShippedCalendar(dir = path.join(resourcesDir(), 'calendar')): ShippedYear[] {
  return ShippedCalendar.parse(JSON.parse(readFileSync(path.join(dir, SHIPPED_CALENDAR_FILE), 'utf8'))).years;
}

/** One row per date: holiday blocks expanded day by day, make-up working days as they are. */
export function shippedDays(years: readonly ShippedYear[]): CalendarDayView[] {
  return years.flatMap((y) => {
    const source = y.provisional ? PROVISIONAL_SOURCE : y.source;
    return [
      ...y.holidays.flatMap((h) => {
        const days: CalendarDayView[] = [];
        for (let d = h.from; d <= h.to; d = addDays(d, 1)) days.push({ date: d, kind: 'holiday', name: h.name, source });
        return days;
      }),
      ...y.workdays.map((w): CalendarDayView => ({ date: w.date, kind: 'workday', name: w.name, source })),
    ];
  });
}
