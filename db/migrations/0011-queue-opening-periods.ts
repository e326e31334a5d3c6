// Queue hours become one or two opening periods a day (a lunch break between them). A saved
// single period (openTime/closeTime) becomes the one period, so the hall keeps its hours.
import type { Db } from '../connection.js';

export const version = 11;
export const name = 'queue-opening-periods';

export function up(db: Db): void {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'queue.settings'").get() as { value: string } | undefined;
  if (!row) return;
  const saved = JSON.parse(row.value) as Record<string, unknown>;
  if (saved.periods !== undefined || typeof saved.openTime !== 'string' || typeof saved.closeTime !== 'string') return;
  const { openTime, closeTime, ...rest } = saved;
  db.prepare("UPDATE settings SET value = ? WHERE key = 'queue.settings'").run(JSON.stringify({ ...rest, periods: [{ open: openTime, close: closeTime }] }));
}
