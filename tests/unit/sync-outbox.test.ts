// The outbox: records only inside a transaction, cases before their events, no gaps; and the batch
// choice that keeps per-case order (DESIGN §8).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { chooseBatch, resetSending } from '../../electron/hall/sync/batch-select.js';
import { enqueueRecord, type OutboxRecordInput } from '../../electron/hall/sync/outbox.js';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db);
});

const AT = '2026-03-02T09:00:00+08:00';
const add = (input: Omit<OutboxRecordInput, 'occurredAt' | 'payload'>) =>
  db.transaction(() => enqueueRecord(db, { ...input, occurredAt: AT, payload: { x: 1 } })).immediate();
const pick = (limit = 200, now = Date.now()) => chooseBatch(db, now, new Date(now).toISOString(), limit).map((r) => r.record_id);
const finish = (id: string) => db.prepare("UPDATE outbox SET state = 'done', receipt_id = 'R' WHERE record_id = ?").run(id);
const reject = (id: string) => db.prepare("UPDATE outbox SET state = 'rejected', reason = 'bad' WHERE record_id = ?").run(id);
const backToPending = () => db.prepare("UPDATE outbox SET state = 'pending' WHERE state = 'sending'").run();

describe('enqueueRecord', () => {
  it('refuses to run outside a transaction', () => {
    expect(() => enqueueRecord(db, { kind: 'rating', occurredAt: AT, payload: {} })).toThrow(/inside the transaction/);
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('makes a fresh uuid per record and rolls back with the business transaction', () => {
    const a = add({ kind: 'rating' });
    const b = add({ kind: 'rating' });
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    expect(() => db.transaction(() => {
      enqueueRecord(db, { kind: 'rating', occurredAt: AT, payload: {} });
      throw new Error('the business change failed');
    }).immediate()).toThrow('business change failed');
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 2 });
  });

  it('checks the fields each kind needs', () => {
    expect(() => add({ kind: 'case' })).toThrow(/caseNo/);
    expect(() => add({ kind: 'rating', caseNo: 'C1' })).toThrow(/caseNo/);
    expect(() => add({ kind: 'case', caseNo: 'C1', seq: 1 })).toThrow(/seq/);
    expect(() => db.transaction(() => enqueueRecord(db, { kind: 'rating', occurredAt: 'yesterday', payload: {} })).immediate()).toThrow(/occurredAt/);
  });

  it('takes a case event only after its case, in seq order without gaps', () => {
    expect(() => add({ kind: 'case-event', caseNo: 'C1', seq: 1 })).toThrow(/no case record/);
    add({ kind: 'case', caseNo: 'C1' });
    expect(() => add({ kind: 'case-event', caseNo: 'C1', seq: 2 })).toThrow(/expects seq 1/);
    add({ kind: 'case-event', caseNo: 'C1', seq: 1 });
    expect(() => add({ kind: 'case-event', caseNo: 'C1', seq: 1 })).toThrow(/expects seq 2/);
    expect(() => add({ kind: 'case', caseNo: 'C1' })).toThrow(/UNIQUE/);
  });

  it('is the only code that writes new outbox rows', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : [path.join(dir, n)]));
    const writers = files('electron').filter((f) => /INSERT\s+INTO\s+outbox\b/i.test(readFileSync(f, 'utf8')));
    expect(writers).toEqual([path.join('electron', 'hall', 'sync', 'outbox.ts')]);
  });
});

describe('chooseBatch', () => {
  it('takes due records in capture order, at most the limit (never above 200), and marks them SENDING', () => {
    const ids = Array.from({ length: 250 }, () => add({ kind: 'rating' }));
    expect(pick(5)).toEqual(ids.slice(0, 5));
    expect(pick(1000)).toEqual(ids.slice(5, 205));
    const states = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state ORDER BY state').all();
    expect(states).toEqual([{ state: 'pending', n: 45 }, { state: 'sending', n: 205 }]);
    expect(db.prepare('SELECT DISTINCT attempts FROM outbox WHERE state = ?').all('sending')).toEqual([{ attempts: 1 }]);
  });

  it('skips records still waiting out their backoff', () => {
    const [a, b] = [add({ kind: 'rating' }), add({ kind: 'rating' })];
    db.prepare('UPDATE outbox SET next_attempt_at = ? WHERE record_id = ?').run(5_000, a);
    expect(pick(200, 4_999)).toEqual([b]);
    finish(b);
    expect(pick(200, 5_000)).toEqual([a]);
  });

  it('sends a case event only after the record before it is done', () => {
    const c = add({ kind: 'case', caseNo: 'C1' });
    const e1 = add({ kind: 'case-event', caseNo: 'C1', seq: 1 });
    const e2 = add({ kind: 'case-event', caseNo: 'C1', seq: 2 });
    const r = add({ kind: 'rating' });
    expect(pick()).toEqual([c, r]);
    // The case is in flight, not done: nothing of C1 goes yet.
    backToPending();
    db.prepare("UPDATE outbox SET state = 'sending' WHERE record_id = ?").run(c);
    expect(pick()).toEqual([r]);
    finish(r);
    finish(c);
    expect(pick()).toEqual([e1]);
    backToPending();
    finish(e1);
    expect(pick()).toEqual([e2]);
  });

  it('holds the later records of a case behind a rejected one, and lets everything else flow', () => {
    add({ kind: 'case', caseNo: 'C1' });
    const c2 = add({ kind: 'case', caseNo: 'C2' });
    const e1 = add({ kind: 'case-event', caseNo: 'C1', seq: 1 });
    const e2 = add({ kind: 'case-event', caseNo: 'C1', seq: 2 });
    const c2e1 = add({ kind: 'case-event', caseNo: 'C2', seq: 1 });
    db.prepare("UPDATE outbox SET state = 'done', receipt_id = 'R' WHERE kind = 'case'").run();
    reject(e1);
    expect(pick()).toEqual([c2e1]);
    finish(c2e1);
    expect(pick()).toEqual([]);
    expect(db.prepare('SELECT state FROM outbox WHERE record_id = ?').get(e2)).toEqual({ state: 'pending' });
    expect(c2).toBeTruthy();
  });

  it('never puts two records of one case in a batch, over many cases', () => {
    for (let c = 0; c < 50; c++) add({ kind: 'case', caseNo: `K${c}` });
    for (let s = 1; s <= 3; s++) for (let c = 0; c < 50; c++) add({ kind: 'case-event', caseNo: `K${c}`, seq: s });
    for (let round = 0; round < 4; round++) {
      const rows = chooseBatch(db, Date.now(), new Date().toISOString(), 200);
      expect(rows).toHaveLength(50);
      expect(new Set(rows.map((r) => r.case_no)).size).toBe(50);
      expect(new Set(rows.map((r) => r.seq ?? 0))).toEqual(new Set([round]));
      db.prepare("UPDATE outbox SET state = 'done', receipt_id = 'R' WHERE state = 'sending'").run();
    }
  });

  it('puts SENDING rows back to pending at start', () => {
    add({ kind: 'rating' });
    add({ kind: 'rating' });
    pick();
    expect(resetSending(db)).toBe(2);
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get()).toEqual({ n: 2 });
  });
});
