// Migration 20: the waiting counter per business day and category (queue_numbers.waiting) that the
// ticket events and "people ahead" read instead of counting the queue. Whatever happens to tickets —
// issued, called, sent back to the queue, moved to another category or day, given up, deleted — the
// counters equal a recount of the waiting rows; a hall that upgrades starts from such a recount, and
// the numbering beside the counter is left as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { seededRandom } from '../support/seeded-random.js';

const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04'] as const;
// Called and serving need a window each (one ticket per window): the counters only tell waiting from
// not waiting, and the finished statuses stand for every other.
const STATUSES = ['waiting', 'waiting', 'waiting', 'done', 'no_show', 'cancelled', 'transferred', 'expired'] as const;

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hall-m20-'));
  db = openDatabase(path.join(dir, 'hall.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const key = (day: string, category: number) => `${day}|${category}`;

/** Waiting tickets recounted from the rows, per day and category. */
function recount(): Record<string, number> {
  const rows = db.prepare("SELECT business_day AS day, category_id AS category, count(*) AS n FROM tickets WHERE status = 'waiting' GROUP BY 1, 2").all() as Array<{ day: string; category: number; n: number }>;
  return Object.fromEntries(rows.map((r) => [key(r.day, r.category), r.n]));
}

/** The counters, leaving out rows at zero (a day whose queue emptied keeps its row and its last number). */
function counters(): Record<string, number> {
  const rows = db.prepare('SELECT business_day AS day, category_id AS category, waiting AS n FROM queue_numbers WHERE waiting <> 0').all() as Array<{ day: string; category: number; n: number }>;
  return Object.fromEntries(rows.map((r) => [key(r.day, r.category), r.n]));
}

function categories(): number[] {
  return [1, 2, 3].map((i) => Number(db.prepare('INSERT INTO queue_categories (code, name, prefix) VALUES (?, ?, ?)').run(`C${i}`, `类${i}`, `C${i}`).lastInsertRowid));
}

function makeTickets(next: () => number, cats: number[], count: number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  // No number of their own (as a transfer's linked tickets), so moving one to another day or category
  // never meets the numbering's uniqueness.
  const insert = db.prepare(`INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at) VALUES (?, ?, NULL, ?, ?, ?, ?)`);
  for (let i = 0; i < count; i++) {
    const day = pick(DAYS);
    insert.run(day, pick(cats), `C${i + 1}`, pick(STATUSES), `${day}T01:00:00.000Z`, `${day}T01:00:00.000Z`);
  }
}

describe('queue waiting counters (migration 20)', () => {
  it('equal a recount through every kind of change to tickets', () => {
    migrate(db);
    const cats = categories();
    for (const seed of [1, 2, 3]) {
      const next = seededRandom(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      makeTickets(next, cats, 120);
      const ids = () => (db.prepare('SELECT id FROM tickets').all() as Array<{ id: number }>).map((r) => r.id);
      for (let step = 0; step < 400; step++) {
        const id = pick(ids());
        const roll = next();
        if (roll < 0.45) db.prepare('UPDATE tickets SET status = ? WHERE id = ?').run(pick(STATUSES), id);
        else if (roll < 0.6) db.prepare('UPDATE tickets SET category_id = ? WHERE id = ?').run(pick(cats), id);
        else if (roll < 0.7) db.prepare('UPDATE tickets SET business_day = ? WHERE id = ?').run(pick(DAYS), id);
        else if (roll < 0.8) db.prepare('UPDATE tickets SET status = ?, category_id = ?, business_day = ? WHERE id = ?').run(pick(STATUSES), pick(cats), pick(DAYS), id);
        // A change that touches none of the three columns, or sets them to what they were.
        else if (roll < 0.87) db.prepare('UPDATE tickets SET call_count = call_count + 1, status = status WHERE id = ?').run(id);
        else if (roll < 0.94) db.prepare('DELETE FROM tickets WHERE id = ?').run(id);
        else makeTickets(next, cats, 3);
        if (step % 20 === 0) expect(counters(), `seed ${seed}, step ${step}`).toEqual(recount());
      }
      expect(counters(), `seed ${seed}`).toEqual(recount());
      // A transaction rolled back leaves the counters as they were.
      const before = counters();
      db.exec('BEGIN');
      db.prepare("UPDATE tickets SET status = 'waiting'").run();
      expect(counters()).toEqual(recount());
      db.exec('ROLLBACK');
      expect(counters()).toEqual(before);
    }
  });

  it('keeps the day\'s last number when a ticket joins or leaves the queue', () => {
    migrate(db);
    const [a] = categories();
    db.prepare("INSERT INTO queue_numbers (business_day, category_id, last_seq) VALUES ('2026-03-02', ?, 7)").run(a);
    const id = Number(db.prepare("INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at) VALUES ('2026-03-02', ?, 7, 'C007', 'waiting', '2026-03-02T01:00:00Z', '2026-03-02T01:00:00Z')").run(a).lastInsertRowid);
    expect(db.prepare("SELECT last_seq, waiting FROM queue_numbers WHERE category_id = ?").get(a)).toEqual({ last_seq: 7, waiting: 1 });
    const window = Number(db.prepare("INSERT INTO windows (number, name) VALUES (1, '1号窗口')").run().lastInsertRowid);
    db.prepare("UPDATE tickets SET status = 'called', window_id = ? WHERE id = ?").run(window, id);
    expect(db.prepare("SELECT last_seq, waiting FROM queue_numbers WHERE category_id = ?").get(a)).toEqual({ last_seq: 7, waiting: 0 });
    // A transfer's linked ticket (no number of its own) in a category that gave no number that day:
    // the counter's row starts at last number 0, so the day's first number there is still 1.
    db.prepare("INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at) VALUES ('2026-03-03', ?, NULL, 'C007', 'waiting', '2026-03-03T01:00:00Z', '2026-03-03T01:00:00Z')").run(a);
    expect(db.prepare("SELECT last_seq, waiting FROM queue_numbers WHERE category_id = ? AND business_day = '2026-03-03'").get(a)).toEqual({ last_seq: 0, waiting: 1 });
  });

  it('start from a recount on a hall that upgrades, and go on from it', () => {
    migrate(db, migrations.filter((m) => m.version < 20));
    const cats = categories();
    const next = seededRandom(7);
    makeTickets(next, cats, 300);
    // The numbering the hall had before: some days and categories have a row, some waiting tickets none.
    db.prepare("INSERT INTO queue_numbers (business_day, category_id, last_seq) VALUES (?, ?, 300)").run(DAYS[0], cats[0]);
    const numbersBefore = db.prepare('SELECT business_day, category_id, last_seq FROM queue_numbers').all();
    migrate(db);
    expect(counters()).toEqual(recount());
    expect(db.prepare('SELECT last_seq FROM queue_numbers WHERE business_day = ? AND category_id = ?').get(DAYS[0], cats[0])).toEqual({ last_seq: 300 });
    for (const row of numbersBefore as Array<{ business_day: string; category_id: number; last_seq: number }>) {
      expect(db.prepare('SELECT last_seq FROM queue_numbers WHERE business_day = ? AND category_id = ?').get(row.business_day, row.category_id)).toEqual({ last_seq: row.last_seq });
    }
    db.prepare("UPDATE tickets SET status = 'done' WHERE id IN (SELECT id FROM tickets WHERE status = 'waiting' LIMIT 40)").run();
    makeTickets(next, cats, 30);
    expect(counters()).toEqual(recount());
  });
});
