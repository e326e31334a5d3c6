// The working-day calendar (DOMAIN §2): the days that differ from the weekday rule, the years whose
// arrangement is still provisional, and the time-limit warning thresholds. Shared; zod only.
import { z } from 'zod';
import { PlainName, decimalInt } from './api.js';
import { lineText } from './text.js';

/** A real calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
  params: { reason: 'date_format' },
});

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export const CalendarDayKind = z.enum(CALENDAR_DAY_KINDS);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

export const CalendarDayView = z.object({
  date: z.string(),
  kind: CalendarDayKind,
  name: z.string(),
  /** The notice the day comes from, or 'admin' when entered by hand. */
  source: z.string(),
});
export type CalendarDayView = z.infer<typeof CalendarDayView>;

export const CalendarYearView = z.object({
  year: z.number().int(),
  /** True while the State Council's notice for the year is not yet entered: statutory days only. */
  provisional: z.boolean(),
  source: z.string().nullable(),
  days: z.array(CalendarDayView),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;

export const CalendarYearQuery = z.object({ year: decimalInt(2000, 2100) });
export const CalendarDateParam = z.object({ date: IsoDate });
export const CalendarYearParam = z.object({ year: decimalInt(2000, 2100) });

export const PutCalendarDayRequest = z.object({ kind: CalendarDayKind, name: PlainName });
export type PutCalendarDayRequest = z.infer<typeof PutCalendarDayRequest>;

/** The admin has entered the official arrangement of a year: the notice it follows. */
export const ConfirmCalendarYearRequest = z.object({ source: lineText(200, 1) });
export type ConfirmCalendarYearRequest = z.infer<typeof ConfirmCalendarYearRequest>;

export const WorkingDaysQuery = z.object({ from: IsoDate, n: decimalInt(0, 365) });
export const WorkingDaysView = z.object({ from: z.string(), n: z.number().int(), due: z.string() });
export type WorkingDaysView = z.infer<typeof WorkingDaysView>;

export const CalendarSettings = z.object({
  /** Yellow warning when this many working days or fewer remain (0 = only on the due day). */
  yellowAt: z.number().int().min(0).max(30),
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;
