// Call-next's choice (nextWaiting) against the order of DOMAIN §7 written as one plain sort over every
// waiting ticket, on random queues: priority and plain tickets, tickets sent to a window, several
// categories at different positions, tickets from another day and tickets no longer waiting.
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { nextWaiting } from '../../electron/hall/queue/tickets.js';
import { seededRandom } from '../support/seeded-random.js';

const DAY = '2026-03-02';
const PRIORITIES = [null, null, null, 'elderly', 'appointment'] as const;
const STATUSES = ['waiting', 'waiting', 'waiting', 'done', 'cancelled'] as const;

let db: Db;
beforeEach(() => {
  // In memory: the order is the question here, not the disk; the indexes are those of the migrations.
  db = openDatabase(':memory:');
  migrate(db);
});
afterEach(() => {
  statements.clear();
  db.close();
});

const statements = new Map<string, Database.Statement>();
const cached = (text: string) => {
  if (!statements.has(text)) statements.set(text, db.prepare(text));
  return statements.get(text)!;
};

/** The order of DOMAIN §7 as a sort over every waiting ticket of the day (what call-next used to run). */
function expectedNext(windowId: number): number | null {
  const row = cached(
      `SELECT t.id FROM tickets t
       LEFT JOIN window_categories wc ON wc.category_id = t.category_id AND wc.window_id = ?
       WHERE t.status = 'waiting' AND t.business_day = ?
         AND ((t.target_window_id IS NULL AND wc.window_id IS NOT NULL) OR t.target_window_id = ?)
       ORDER BY (t.priority IS NOT NULL) DESC, (t.target_window_id IS NOT NULL) DESC, coalesce(wc.position, 0), t.arrived_at, t.id
       LIMIT 1`,
  ).get(windowId, DAY, windowId) as { id: number } | undefined;
  return row?.id ?? null;
}

function fillQueue(next: () => number, tickets: number): number[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const categories = [1, 2, 3, 4].map((i) => Number(db.prepare('INSERT INTO queue_categories (code, name, prefix) VALUES (?, ?, ?)').run(`C${i}`, `类${i}`, `C${i}`).lastInsertRowid));
  const windows = [1, 2, 3, 4, 5].map((i) => Number(db.prepare('INSERT INTO windows (number, name) VALUES (?, ?)').run(i, `${i}号窗口`).lastInsertRowid));
  for (const w of windows) {
    // Each window serves two or three categories; positions repeat sometimes, so arrival decides.
    const served = categories.filter(() => next() < 0.6).slice(0, 3);
    served.forEach((c, i) => db.prepare('INSERT INTO window_categories (window_id, category_id, position) VALUES (?, ?, ?)').run(w, c, next() < 0.2 ? 0 : i));
  }
  const insert = db.prepare(
    `INSERT INTO tickets (business_day, category_id, number, priority, status, arrived_at, issued_at, target_window_id, window_id, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );
  for (let i = 0; i < tickets; i++) {
    const status = pick(STATUSES);
    // Arrival times collide now and then (a transfer keeps its arrival), so the id breaks ties.
    const arrived = new Date(Date.parse(`${DAY}T01:00:00Z`) + Math.floor(next() * 600) * 1000).toISOString();
    insert.run(next() < 0.1 ? '2026-02-27' : DAY, pick(categories), `N${i}`, pick(PRIORITIES), status, arrived, arrived, next() < 0.1 ? pick(windows) : null, status === 'waiting' ? null : arrived);
  }
  return windows;
}

describe('call-next order', () => {
  it('takes the same ticket as a sort over every waiting ticket, call after call', () => {
    for (let seed = 1; seed <= 30; seed++) {
      db.exec('DELETE FROM tickets; DELETE FROM queue_numbers; DELETE FROM window_categories; DELETE FROM windows; DELETE FROM queue_categories;');
      const next = seededRandom(seed);
      const windows = fillQueue(next, 10 + Math.floor(next() * 80));
      // Call until every window finds nothing, taking each chosen ticket out as call-next does.
      for (let calls = 0; calls < 200; calls++) {
        const w = windows[calls % windows.length]!;
        const expected = expectedNext(w);
        expect(nextWaiting(db, w, DAY)?.id ?? null, `seed ${seed}, call ${calls}, window ${w}`).toBe(expected);
        if (expected !== null) cached("UPDATE tickets SET status = 'done', finished_at = arrived_at WHERE id = ?").run(expected);
      }
    }
  });

  it('finds nothing for a window without categories or tickets sent to it', () => {
    const next = seededRandom(7);
    fillQueue(next, 30);
    const lonely = Number(db.prepare("INSERT INTO windows (number, name) VALUES (9, '9号窗口')").run().lastInsertRowid);
    expect(nextWaiting(db, lonely, DAY)).toBeUndefined();
  });
});
