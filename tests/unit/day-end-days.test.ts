// The day end's question, asked every minute: which past business days still need closing? A day
// does when a ticket of it is still open (waiting, called or serving) or when it has tickets and no
// figures yet. daysToClose answers it from indexes (open tickets through their partial indexes, the
// days with tickets one seek each); here it is checked against the plain definition, a read of every
// ticket, over random halls, and its plan is checked to read no past ticket it does not need.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { daysToClose, daysToCloseQuery } from '../../electron/hall/queue/day-end.js';
import { seededRandom } from '../support/seeded-random.js';

const STATUSES = ['waiting', 'called', 'serving', 'done', 'done', 'no_show', 'cancelled', 'transferred', 'expired'] as const;

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db);
});
afterEach(() => db.close());

/** The definition, read from every ticket. */
function byDefinition(current: string): string[] {
  return (
    db
      .prepare(
        `SELECT DISTINCT business_day AS day FROM tickets t NOT INDEXED WHERE business_day < ?
           AND (status IN ('waiting', 'called', 'serving') OR NOT EXISTS (SELECT 1 FROM queue_daily d WHERE d.business_day = t.business_day))
         ORDER BY 1`,
      )
      .all(current) as Array<{ day: string }>
  ).map((r) => r.day);
}

const dayOf = (i: number) => new Date(Date.UTC(2026, 0, 5 + i)).toISOString().slice(0, 10);

/** `days` days of tickets in two categories, each day closed (figures kept) or not, some tickets of
 *  any day still open: a called or serving ticket holds a window of its own, as the schema demands. */
function hall(next: () => number, days: number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const cats = ['A', 'B'].map((c) => Number(db.prepare('INSERT INTO queue_categories (code, name, prefix) VALUES (?, ?, ?)').run(c, `类${c}`, c).lastInsertRowid));
  let windowNo = 0;
  const newWindow = () => Number(db.prepare('INSERT INTO windows (number, name) VALUES (?, ?)').run(++windowNo, `${windowNo}号窗口`).lastInsertRowid);
  const insert = db.prepare(
    `INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at, called_at, finished_at, window_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const figures = db.prepare('INSERT INTO queue_daily (business_day, category_id, issued, served, no_show, cancelled, expired, closed_at) VALUES (?, ?, 0, 0, 0, 0, 0, ?)');
  for (let d = 0; d < days; d++) {
    const day = dayOf(d);
    // Some days have no tickets at all (a weekend, a closed hall).
    if (next() < 0.2) continue;
    const closed = next() < 0.6;
    // On a closed day almost everything is finished; a few days keep an open ticket all the same.
    const leaveOpen = next() < 0.25;
    const count = 1 + Math.floor(next() * 6);
    for (let i = 1; i <= count; i++) {
      const status = leaveOpen || !closed ? pick(STATUSES) : pick(STATUSES.slice(3));
      const active = status === 'called' || status === 'serving';
      const finished = status === 'waiting' || active ? null : `${day}T03:00:00.000Z`;
      insert.run(day, pick(cats), i, `A${i}`, status, `${day}T01:00:00.000Z`, `${day}T01:00:00.000Z`, active ? `${day}T02:00:00.000Z` : null, finished, active ? newWindow() : null);
    }
    if (closed) figures.run(day, cats[0], `${day}T12:00:00.000Z`);
  }
}

describe('daysToClose', () => {
  it('names exactly the days the definition does, over random halls and every "today"', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      db.exec('DELETE FROM tickets; DELETE FROM queue_daily; DELETE FROM windows; DELETE FROM queue_numbers; DELETE FROM queue_categories;');
      hall(seededRandom(seed), 40);
      for (let d = 0; d <= 41; d += 1) {
        const current = dayOf(d);
        expect(daysToClose(db, current), `seed ${seed}, today ${current}`).toEqual(byDefinition(current));
      }
      // The hall made days of every kind: left open, closed with an open ticket, never closed.
      expect(byDefinition(dayOf(41)).length).toBeGreaterThan(3);
    }
  });

  it('finds an old unclosed day behind newer closed ones, and leaves today and later alone', () => {
    hall(seededRandom(9), 0);
    const cat = Number(db.prepare("INSERT INTO queue_categories (code, name, prefix) VALUES ('C', '类C', 'C')").run().lastInsertRowid);
    const ticket = (day: string, status: string) =>
      db.prepare(`INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at, finished_at) VALUES (?, ?, NULL, 'C1', ?, ?, ?, ?)`)
        .run(day, cat, status, `${day}T01:00:00.000Z`, `${day}T01:00:00.000Z`, status === 'waiting' ? null : `${day}T02:00:00.000Z`);
    const close = (day: string) => db.prepare('INSERT INTO queue_daily (business_day, category_id, issued, served, no_show, cancelled, expired, closed_at) VALUES (?, ?, 0, 0, 0, 0, 0, ?)').run(day, cat, `${day}T12:00:00.000Z`);
    ticket('2026-03-02', 'done'); // never closed, older than the closed days below
    ticket('2026-03-03', 'done');
    close('2026-03-03');
    ticket('2026-03-04', 'waiting'); // closed, yet a ticket is still waiting
    close('2026-03-04');
    ticket('2026-03-05', 'waiting'); // today
    ticket('2026-03-06', 'done'); // after today (a clock put back)
    expect(daysToClose(db, '2026-03-05')).toEqual(['2026-03-02', '2026-03-04']);
    expect(daysToClose(db, '2026-03-02')).toEqual([]);
  });

  it('reads open tickets through their partial indexes and the days by index seeks, never every ticket', () => {
    const query = daysToCloseQuery('2026-03-05');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as Array<{ detail: string }>).map((r) => r.detail);
    const onTickets = plan.filter((d) => /\b(tickets|t)\b/.test(d) && /SCAN|SEARCH/.test(d) && !/ticket_days/.test(d));
    expect(onTickets.length).toBeGreaterThan(0);
    for (const step of onTickets) {
      expect(step, plan.join('\n')).toMatch(/USING INDEX tickets_waiting|USING INDEX tickets_one_active_per_window|^SEARCH tickets USING COVERING INDEX \S+ \(business_day<\?\)$/);
    }
  });
});

