// Which backups to keep: the newest of each of the last 7 days, 4 weeks and 12 months that have
// one (grandfather-father-son). Pure, so the rule is tested without files.

export interface DatedBackup {
  name: string;
  /** When it was taken (the name's timestamp). */
  takenAt: Date;
}

const KEEP = { daily: 7, weekly: 4, monthly: 12 } as const;

function dayKey(d: Date, offsetMinutes: number): string {
  return new Date(d.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

function weekKey(d: Date, offsetMinutes: number): string {
  // The Monday that starts the week, in the hall's time.
  const local = new Date(d.getTime() + offsetMinutes * 60_000);
  const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - ((local.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

function monthKey(d: Date, offsetMinutes: number): string {
  return dayKey(d, offsetMinutes).slice(0, 7);
}

/** The names to keep; every other backup may be deleted. `offsetMinutes`: the hall's UTC offset (480 for China). */
export function backupsToKeep(backups: readonly DatedBackup[], offsetMinutes = 480): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set<string>();
  const pick = (keyOf: (d: Date, o: number) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const key = keyOf(b.takenAt, offsetMinutes);
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > count) break;
      keep.add(b.name);
    }
  };
  pick(dayKey, KEEP.daily);
  pick(weekKey, KEEP.weekly);
  pick(monthKey, KEEP.monthly);
  return keep;
}
