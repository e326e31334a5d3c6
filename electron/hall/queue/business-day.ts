// The hall's calendar day and clock time, in its own time zone (a host may run on UTC).
const formatters = new Map<string, Intl.DateTimeFormat>();
/** The last minute asked for, per time zone: every request asks "which day is it", and formatting a
 *  date in a time zone costs more than the rest of a ticket's bookkeeping. Offsets change only on
 *  whole minutes, so the parts of one minute are the parts of every moment in it. */
const lastMinute = new Map<string, { minute: number; parts: Record<string, string> }>();

function partsIn(date: Date, timeZone: string): Record<string, string> {
  const minute = Math.floor(date.getTime() / 60_000);
  const last = lastMinute.get(timeZone);
  if (last?.minute === minute) return last.parts;
  const parts = formattedParts(date, timeZone);
  lastMinute.set(timeZone, { minute, parts });
  return parts;
}

function formattedParts(date: Date, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `2026-11-27`: the business day a moment belongs to. */
export function businessDayOf(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Local `HH:MM` and ISO weekday (1 = Monday). */
export function localTimeOf(date: Date, timeZone: string): { hhmm: string; isoWeekday: number } {
  const p = partsIn(date, timeZone);
  return { hhmm: `${p.hour}:${p.minute}`, isoWeekday: WEEKDAYS.indexOf(p.weekday!) + 1 };
}

/** Whole minutes between two ISO instants, for waits and service times. */
export function minutesBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 60_000;
}
