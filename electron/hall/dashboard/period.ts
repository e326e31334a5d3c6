// The hall's days as instants (DOMAIN §8: figures are over the hall's business days, whatever the
// machine's time zone), and the small statistics the figures share. Pure.

/** The instant a hall day `YYYY-MM-DD` begins in `timeZone`. */
export function hallDayStart(day: string, timeZone: string): Date {
  const utcMidnight = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  // The zone's offset at that moment, then once more at the corrected moment (a change of offset that day).
  let start = utcMidnight - offsetMs(new Date(utcMidnight), timeZone);
  start = utcMidnight - offsetMs(new Date(start), timeZone);
  return new Date(start);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetMs(at: Date, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A period of whole hall days, `from` … `to` inclusive, and the instants that bound it [start, end). */
export interface HallPeriod {
  from: string;
  to: string;
  start: string;
  end: string;
}

export function hallPeriod(from: string, to: string, timeZone: string): HallPeriod {
  return { from, to, start: hallDayStart(from, timeZone).toISOString(), end: hallDayStart(nextDay(to), timeZone).toISOString() };
}

/** p90 by nearest rank: the value at rank ⌈0.9·n⌉ in ascending order; null without values. */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

export function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** A share with no denominator is no figure at all ("—"), never 0. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Minutes to one decimal, null kept. */
export function round1(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10) / 10;
}
