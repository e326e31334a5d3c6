// A year of past tickets written straight into the host's database, so a report has real work to do.
// The days get their queue_daily rows too: the host's day-end then leaves them alone.
import { execFileSync } from 'node:child_process';
import { openRawHostDatabase } from './raw-db.js';

/** `YYYY-MM-DD` in the hall's zone, `daysAgo` days back. */
export function hallDay(daysAgo: number): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(new Date(Date.now() - daysAgo * 86_400_000));
}

export function seedHistory(dbFile: string, categoryCode: string, days: number, perDay: number): number {
  const db = openRawHostDatabase(dbFile);
  db.pragma('busy_timeout = 10000');
  const categoryId = (db.prepare('SELECT id FROM queue_categories WHERE code = ?').get(categoryCode) as { id: number }).id;
  const ticket = db.prepare(`INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at, called_at, serving_at, finished_at)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const daily = db.prepare(`INSERT INTO queue_daily (business_day, category_id, issued, served, no_show, cancelled, expired, closed_at)
                            VALUES (?, ?, ?, ?, ?, 0, 0, ?)`);
  let count = 0;
  db.transaction(() => {
    for (let d = 2; d < days + 2; d++) {
      const day = hallDay(d);
      const opening = Date.parse(`${day}T00:30:00Z`); // 08:30 in Shanghai
      let served = 0;
      let noShow = 0;
      for (let seq = 1; seq <= perDay; seq++) {
        const arrived = opening + seq * 50_000;
        const called = arrived + (3 + (seq % 17)) * 60_000;
        const status = seq % 10 === 0 ? 'no_show' : 'done';
        if (status === 'done') served++;
        else noShow++;
        const iso = (ms: number) => new Date(ms).toISOString();
        ticket.run(day, categoryId, seq, `A${String(seq).padStart(3, '0')}`, status, iso(arrived), iso(arrived), iso(called),
          status === 'done' ? iso(called + 60_000) : null, iso(called + (status === 'done' ? (4 + (seq % 7)) * 60_000 : 120_000)));
        count++;
      }
      daily.run(day, categoryId, perDay, served, noShow, new Date().toISOString());
    }
  })();
  // Fold the big write into the database file now; left in the WAL, the host's next commit would pay
  // for checkpointing it and the bench would measure the seeding.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  // And get the tens of megabytes written out of the page cache now: the kernel's delayed writeback
  // would otherwise land in the middle of a measurement and stall every fsync for a second.
  execFileSync('sync');
  return count;
}
