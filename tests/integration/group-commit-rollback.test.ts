// Group commit on the host's database file: a request that fails after writing leaves nothing of its
// own behind and takes nothing from the requests it shared the commit with; what a group
// acknowledges is visible to a second connection (it is in the WAL on the disk, not only in memory).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { get, run, sql } from '../../db/sql.js';
import { startHall, type TestHall } from './support/hall.js';

let h: TestHall;
beforeAll(async () => {
  h = await startHall();
});
afterAll(() => h.close());

const write = (db: Db, key: string) =>
  run(db, sql`INSERT INTO settings (key, value, updated_at) VALUES (${key}, '1', '2026-03-02T01:00:00.000Z')`);
const has = (db: Db, key: string) => get(db, sql`SELECT 1 AS x FROM settings WHERE key = ${key}`) !== undefined;

describe('group commit, one failing request among others', () => {
  it('rolls the failed request back to its savepoint and commits the others of its group', async () => {
    const { db, hall } = h;
    const before = hall.committer.stats();
    // Queued in one turn of the loop, so the three share one group.
    const first = hall.write(() => write(db, 'test.first'));
    const failing = hall.write(() => {
      write(db, 'test.half-done');
      throw new Error('refused after writing');
    });
    const last = hall.write(() => write(db, 'test.last'));
    const [a, b, c] = await Promise.allSettled([first, failing, last]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    expect(c.status).toBe('fulfilled');
    const after = hall.committer.stats();
    expect(after.groups - before.groups).toBe(1);
    expect(after.writes - before.writes).toBe(3);

    expect(has(db, 'test.first')).toBe(true);
    expect(has(db, 'test.last')).toBe(true);
    expect(has(db, 'test.half-done')).toBe(false);
    // Acknowledged means written: a second connection (another process would do the same) sees it.
    const other = openDatabase(`${h.dataDir}/hall.db`, { key: h.dbKey, readonly: true });
    try {
      expect(has(other, 'test.first') && has(other, 'test.last')).toBe(true);
      expect(has(other, 'test.half-done')).toBe(false);
    } finally {
      other.close();
    }
    expect(hall.committer.durable()).toBeNull();
  });

  it("undoes a failed request's nested transaction and its own writes around it alike", async () => {
    const { db, hall } = h;
    const failing = hall.write(() => {
      write(db, 'test.outside');
      db.transaction(() => write(db, 'test.inside'))();
      throw new Error('refused at the end');
    });
    const fine = hall.write(() => write(db, 'test.fine'));
    await expect(failing).rejects.toThrow('refused at the end');
    await fine;
    expect(has(db, 'test.outside')).toBe(false);
    expect(has(db, 'test.inside')).toBe(false);
    expect(has(db, 'test.fine')).toBe(true);
  });
});
