// Only an explicit accepted/duplicate with a receipt, in a reply of the contract's shape, marks a
// record done. Everything else leaves it to be sent again.
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { applyOutcome } from '../../electron/hall/sync/apply-results.js';
import { chooseBatch, type OutboxRow } from '../../electron/hall/sync/batch-select.js';
import { batchBody } from '../../electron/hall/sync/county-http.js';
import { enqueueRecord } from '../../electron/hall/sync/outbox.js';
import { parseBatchReply, parseDecisionsReply } from '../../electron/hall/sync/reply-parse.js';

let db: Db;
let rows: OutboxRow[];
let ids: string[];
beforeEach(() => {
  db = openDatabase(':memory:');
  migrate(db);
  db.transaction(() => {
    for (let i = 0; i < 3; i++) enqueueRecord(db, { kind: 'rating', occurredAt: '2026-03-02T09:00:00+08:00', payload: { level: 5, comment: '很好 "quoted"' } });
  }).immediate();
  rows = chooseBatch(db, Date.now(), new Date().toISOString());
  ids = rows.map((r) => r.record_id);
});

const states = () => (db.prepare('SELECT state FROM outbox ORDER BY id').all() as Array<{ state: string }>).map((r) => r.state);
const applyReply = (status: number, text: string) => applyOutcome(db, rows, parseBatchReply(status, text, new Set(ids)), new Date(), () => 1000);
const ok = (results: unknown[]) => JSON.stringify({ results });

describe('county replies that mark nothing done', () => {
  it.each([
    ['an HTML error page', 200, '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>'],
    ['truncated JSON', 200, ok([{ recordId: 'x', status: 'accepted', receiptId: 'R1' }]).slice(0, 30)],
    ['another shape', 200, JSON.stringify({ result: [] })],
    ['results as an object', 200, JSON.stringify({ results: {} })],
    ['a 500', 500, ok([])],
    ['a 200 with no results', 200, ok([])],
    ['an empty body', 200, ''],
  ])('%s', (_name, status, text) => {
    expect(applyReply(status, text)).toEqual({ done: 0, rejected: 0, retried: 3 });
    expect(states()).toEqual(['pending', 'pending', 'pending']);
    // Each waits out its backoff before it is due again.
    expect(db.prepare('SELECT min(next_attempt_at) AS t FROM outbox').get()).toEqual({ t: expect.any(Number) });
  });

  it('results naming recordIds that were never sent', () => {
    const outcome = parseBatchReply(200, ok(ids.map((_, i) => ({ recordId: `other-${i}`, status: 'accepted', receiptId: `R${i}` }))), new Set(ids));
    expect(outcome).toMatchObject({ kind: 'replied', unknownIds: 3 });
    expect(applyOutcome(db, rows, outcome, new Date(), () => 0).done).toBe(0);
  });

  it('accepted without a receipt, an unknown status, and two answers that disagree', () => {
    expect(applyReply(200, ok([{ recordId: ids[0], status: 'accepted' }]))).toEqual({ done: 0, rejected: 0, retried: 3 });
    rows = chooseBatch(db, Date.now() + 10_000, new Date().toISOString());
    expect(applyReply(200, ok([{ recordId: ids[0], status: 'ok', receiptId: 'R' }]))).toEqual({ done: 0, rejected: 0, retried: 3 });
    rows = chooseBatch(db, Date.now() + 20_000, new Date().toISOString());
    const twice = [{ recordId: ids[1], status: 'accepted', receiptId: 'R1' }, { recordId: ids[1], status: 'rejected', reason: 'no' }];
    expect(applyReply(200, ok(twice))).toEqual({ done: 0, rejected: 0, retried: 3 });
  });

  it('401 and 403 pause rather than back off', () => {
    for (const status of [401, 403]) expect(parseBatchReply(status, '', new Set(ids))).toEqual({ kind: 'unauthorized', status });
    applyReply(401, '');
    expect(db.prepare('SELECT DISTINCT next_attempt_at AS t FROM outbox').all()).toHaveLength(1);
  });
});

describe('county replies that count', () => {
  it('a partial list: the named records are settled, the missing one waits', () => {
    const reply = ok([
      { recordId: ids[0], status: 'accepted', receiptId: 'R0' },
      { recordId: ids[1], status: 'rejected', reason: '事项编码不存在' },
    ]);
    expect(applyReply(200, reply)).toEqual({ done: 1, rejected: 1, retried: 1 });
    expect(states()).toEqual(['done', 'rejected', 'pending']);
    expect(db.prepare('SELECT reason FROM outbox WHERE record_id = ?').get(ids[1])).toEqual({ reason: '事项编码不存在' });
  });

  it('duplicate with a receipt is done, like accepted; extra fields are ignored', () => {
    const reply = ok(ids.map((id, i) => ({ recordId: id, status: i ? 'duplicate' : 'accepted', receiptId: `R${i}`, extra: true })));
    expect(applyReply(200, reply)).toEqual({ done: 3, rejected: 0, retried: 0 });
  });
});

describe('wire format', () => {
  it('sends the stored payload JSON as it is, inside a valid batch', () => {
    const body = JSON.parse(batchBody({ hallCode: '320703104', sentAt: 'now', records: rows }));
    expect(body.records).toHaveLength(3);
    expect(body.records[0]).toEqual({ recordId: ids[0], kind: 'rating', occurredAt: '2026-03-02T09:00:00+08:00', payload: { level: 5, comment: '很好 "quoted"' } });
  });

  it('reads decision pages, with numeric cursors as text, and refuses other shapes', () => {
    expect(parseDecisionsReply(200, JSON.stringify({ decisions: [{ caseNo: 'C1', decision: 'approved', decidedAt: 'x', note: null, cursor: 7 }], next: 7 }))).toEqual({
      kind: 'page',
      decisions: [{ caseNo: 'C1', decision: 'approved', decidedAt: 'x', note: null, cursor: '7' }],
      next: '7',
    });
    expect(parseDecisionsReply(200, '<html>')).toMatchObject({ kind: 'failed', error: { code: 'bad_reply', detail: 'html' } });
    expect(parseDecisionsReply(200, JSON.stringify({ decisions: [{ caseNo: 'C1', decision: 'maybe', cursor: 1 }] }))).toMatchObject({ kind: 'failed' });
  });
});
