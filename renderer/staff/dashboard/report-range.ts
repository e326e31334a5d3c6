// Which days a report covers, from what the supervisor picked: a day (日报), a month (月报: its first
// day to its last, or to today while the month runs), or any range. Pure.

export type ReportPick = 'day' | 'month' | 'range';

export interface ReportRange {
  from: string;
  to: string;
}

/** The last day of month `YYYY-MM`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function monthRange(month: string, today: string): ReportRange {
  const last = lastDayOf(month);
  return { from: `${month}-01`, to: today.slice(0, 7) === month && today < last ? today : last };
}

/** Today in the hall (the browser runs in the hall's zone). */
export function todayLocal(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
