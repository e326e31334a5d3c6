// What a rating pad asks on start and after every reconnection: the newest finished, unrated ticket
// of its window while it may still be rated. The host answers on its event loop, so the answer must
// come from the last minutes' services through the partial index of done tickets, whatever the hall's
// history (a read of every done ticket took 4 s on a year of 5M).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, registerHallFunctions, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { pendingRating, pendingRatingQuery } from '../../electron/hall/queue/ratings.js';

const NOW = Date.parse('2026-03-02T03:00:00.000Z');
const clock = { now: () => new Date(NOW) };
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

let db: Db;
let pad: number;
let otherPad: number;
let windows: { mine: number; other: number };
let categories: number[];
beforeEach(() => {
  db = openDatabase(':memory:');
  registerHallFunctions(db);
  migrate(db);
  const device = (name: string) => Number(db.prepare("INSERT INTO devices (name, kind, token_hash, token_expires_at, created_at) VALUES (?, 'rating', ?, ?, ?)").run(name, Buffer.from(`hash-${name}`), minutesAgo(-600), minutesAgo(600)).lastInsertRowid);
  pad = device('评价器1');
  otherPad = device('评价器2');
  const window = (n: number, device: number) => Number(db.prepare('INSERT INTO windows (number, name, rating_device_id) VALUES (?, ?, ?)').run(n, `${n}号窗口`, device).lastInsertRowid);
  windows = { mine: window(1, pad), other: window(2, otherPad) };
  categories = ['A', 'B'].map((c) => Number(db.prepare('INSERT INTO queue_categories (code, name, prefix) VALUES (?, ?, ?)').run(c, `类${c}`, c).lastInsertRowid));
});
afterEach(() => db.close());

let seq = 0;
function finished(windowId: number, category: number, minutes: number, status = 'done'): number {
  seq += 1;
  return Number(
    db
      .prepare(
        `INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at, called_at, serving_at, finished_at, window_id)
         VALUES ('2026-03-02', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(category, seq, `X${seq}`, status, minutesAgo(90), minutesAgo(90), minutesAgo(minutes + 10), minutesAgo(minutes + 8), minutesAgo(minutes), windowId).lastInsertRowid,
  );
}

describe('pendingRating', () => {
  it('offers the newest done ticket of the pad’s own window, in any category, while it may be rated', () => {
    expect(pendingRating(db, clock, pad).ticket).toBeNull();
    finished(windows.mine, categories[0]!, 30); // too long ago (the default rating window is shorter)
    expect(pendingRating(db, clock, pad).ticket).toBeNull();
    const older = finished(windows.mine, categories[0]!, 3);
    const newest = finished(windows.mine, categories[1]!, 1);
    finished(windows.other, categories[0]!, 0); // another pad's window
    finished(windows.mine, categories[0]!, 0, 'no_show'); // not served
    expect(pendingRating(db, clock, pad).ticket).toMatchObject({ id: newest, windowNumber: 1 });
    db.prepare("INSERT INTO ratings (ticket_id, level, channel, created_at) VALUES (?, 5, 'pad', ?)").run(newest, minutesAgo(0));
    expect(pendingRating(db, clock, pad).ticket).toMatchObject({ id: older });
    expect(pendingRating(db, clock, otherPad).ticket).not.toBeNull();
  });

  it('reads the done tickets per category from the time limit on, never every done ticket', () => {
    const query = pendingRatingQuery(pad, minutesAgo(5));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as Array<{ detail: string }>).map((r) => r.detail);
    const onTickets = plan.filter((d) => /^(SCAN|SEARCH) t\b/.test(d));
    expect(onTickets, plan.join('\n')).toEqual(['SEARCH t USING INDEX tickets_done_by_category (category_id=? AND finished_at>?)']);
  });
});
