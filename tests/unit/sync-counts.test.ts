// Migration 22: the upload's counters (sync_counts). The outbox and the county's decisions keep every
// record for good; the operator's figures, the staff banner and the dashboard read the counters the
// triggers keep instead of counting the tables. Whatever happens to the records — queued, sent, done,
// rejected, sent again, deleted by hand — the counters equal a recount; a hall that upgrades starts
// from one; and the figures' statements read no more than the records still to send.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { uploadHealth } from '../../electron/hall/dashboard/upload-figures.js';
import { decisionCounts } from '../../electron/hall/sync/decisions.js';
import { outboxCounts } from '../../electron/hall/sync/outbox-figures.js';
import { seededRandom } from '../support/seeded-random.js';

const STATES = ['pending', 'sending', 'done', 'rejected'] as const;

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

function recount(): Record<string, number> {
  const counts: Record<string, number> = { pending: 0, sending: 0, done: 0, rejected: 0 };
  for (const r of db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as Array<{ state: string; n: number }>) counts[r.state] = r.n;
  return counts;
}

let made = 0;
function record(state: (typeof STATES)[number]): void {
  made += 1;
  db.prepare(
    `INSERT INTO outbox (record_id, kind, case_no, seq, occurred_at, payload, state, created_at, rejected_at, reason, done_at, receipt_id)
     VALUES (?, 'case-event', ?, 1, ?, '{}', ?, ?, ?, ?, ?, ?)`,
  ).run(`r${made}`, `C${made}`, '2026-03-02T01:00:00.000Z', state, `2026-03-02T01:00:${String(made % 60).padStart(2, '0')}.000Z`, ...marks(state));
}

/** What the schema asks of a record in each state: a reason when rejected, a receipt when done. */
function marks(state: (typeof STATES)[number]): [string | null, string | null, string | null, string | null] {
  return [
    state === 'rejected' ? '2026-03-02T02:00:00.000Z' : null,
    state === 'rejected' ? '格式不符' : null,
    state === 'done' ? '2026-03-02T02:00:00.000Z' : null,
    state === 'done' ? `receipt-${made}` : null,
  ];
}

function setState(id: number, state: (typeof STATES)[number]): void {
  db.prepare('UPDATE outbox SET state = ?, rejected_at = ?, reason = ?, done_at = ?, receipt_id = ? WHERE id = ?').run(state, ...marks(state), id);
}

function decision(): number {
  made += 1;
  return Number(
    db.prepare("INSERT INTO county_decisions (case_no, decision, decided_at, cursor, received_at) VALUES (?, 'approved', ?, ?, ?)").run(`C${made}`, '2026-03-02T03:00:00.000Z', `k${made}`, '2026-03-02T03:00:00.000Z').lastInsertRowid,
  );
}

describe('upload counters (migration 22)', () => {
  it('equal a recount through every kind of change to the outbox and the decisions', () => {
    migrate(db);
    for (const seed of [1, 2, 3]) {
      const next = seededRandom(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      const ids = (table: string) => (db.prepare(`SELECT id FROM ${table}`).all() as Array<{ id: number }>).map((r) => r.id);
      for (let step = 0; step < 400; step++) {
        const roll = next();
        const outbox = ids('outbox');
        if (roll < 0.3 || outbox.length === 0) record(pick(STATES));
        else if (roll < 0.75) setState(pick(outbox), pick(STATES));
        else if (roll < 0.8) db.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE id = ?').run(pick(outbox)); // not a change of state
        else if (roll < 0.85) db.prepare('DELETE FROM outbox WHERE id = ?').run(pick(outbox));
        else if (roll < 0.93) decision();
        else {
          const decided = ids('county_decisions');
          if (decided.length > 0) {
            const id = pick(decided);
            if (next() < 0.5) db.prepare('UPDATE county_decisions SET applied_at = ? WHERE id = ?').run('2026-03-02T04:00:00.000Z', id);
            else db.prepare('DELETE FROM county_decisions WHERE id = ?').run(id);
          }
        }
        if (step % 20 === 0) {
          expect(outboxCounts(db), `seed ${seed} step ${step}`).toEqual(recount());
          const all = db.prepare('SELECT count(*) AS received, count(applied_at) AS applied FROM county_decisions').get() as { received: number; applied: number };
          expect(decisionCounts(db)).toEqual({ ...all, pendingApply: all.received - all.applied });
        }
      }
      // A batch in one statement, as the uploader marks a batch done.
      db.prepare("UPDATE outbox SET state = 'done', done_at = '2026-03-02T05:00:00.000Z', receipt_id = 'batch-' || id WHERE state = 'sending'").run();
      expect(outboxCounts(db)).toEqual(recount());
    }
  });

  it('are left as they were by a rolled-back change', () => {
    migrate(db);
    record('pending');
    record('done');
    const before = outboxCounts(db);
    expect(() =>
      db.transaction(() => {
        record('pending');
        db.prepare("UPDATE outbox SET state = 'sending'").run();
        decision();
        throw new Error('the business transaction fails');
      })(),
    ).toThrow('the business transaction fails');
    expect(outboxCounts(db)).toEqual(before);
    expect(decisionCounts(db).received).toBe(0);
  });

  it('start from a recount when a hall upgrades from schema 21', () => {
    migrate(db, migrations.filter((m) => m.version < 22));
    for (const state of ['pending', 'done', 'done', 'rejected', 'sending'] as const) record(state);
    decision();
    migrate(db);
    expect(outboxCounts(db)).toEqual({ pending: 1, sending: 1, done: 2, rejected: 1 });
    expect(decisionCounts(db)).toEqual({ received: 1, applied: 0, pendingApply: 1 });
  });

  it('give the dashboard its upload figures without reading the records already sent', () => {
    migrate(db);
    for (let i = 0; i < 5; i++) record('done');
    record('pending');
    record('sending');
    record('rejected');
    const oldest = (db.prepare("SELECT min(created_at) AS at FROM outbox NOT INDEXED WHERE state IN ('pending', 'sending')").get() as { at: string }).at;
    expect(uploadHealth(db)).toMatchObject({ pending: 2, rejected: 1, oldestPendingAt: oldest });
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT min(created_at) AS at FROM outbox WHERE state IN ('pending', 'sending')").all() as Array<{ detail: string }>).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/SEARCH outbox USING INDEX outbox_state \(state=\?\)/);
  });
});
