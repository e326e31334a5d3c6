// The shared link's pure parts and the village node's outbox rules (DESIGN §2a, §9).
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { villageMigrations } from '../../db/village-migrations/index.js';
import { VillageBatch, VillageRecord } from '../../electron/contract/village.js';
import { pullFeed } from '../../electron/link/cursor-pull.js';
import { applyOutcome, chooseBatch, resetSending } from '../../electron/link/outbox.js';
import type { PageOutcome } from '../../electron/link/outcome.js';
import { parseResultsReply } from '../../electron/link/reply.js';
import { villageBatchBody } from '../../electron/village/link/hall-transport.js';
import { appendRecord, scansNamed, VILLAGE_OUTBOX, type VillageOutboxRow } from '../../electron/village/link/records.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const C = 'c'.repeat(64);
const AT = '2026-11-29T09:00:00+08:00';

function nodeDb(): Db {
  const db = openDatabase(':memory:');
  migrate(db, villageMigrations);
  for (const sha of [A, B]) db.prepare("INSERT INTO scans (sha256, size, created_at) VALUES (?, 10, 'x')").run(sha);
  return db;
}

const append = (db: Db, input: Parameters<typeof appendRecord>[1]) => db.transaction(() => appendRecord(db, input)).immediate();
const states = (db: Db) => db.prepare('SELECT request_id AS r, seq, state FROM link_outbox ORDER BY id').all();

describe('the scans a record names', () => {
  it('finds material scans, the signature and the receiver signature, and nothing else', () => {
    const payload = { materials: [{ name: 'x', scans: [A, B] }], authorisation: { signature: { kind: 'drawn', sha256: C } }, note: A.replace('a', 'd') };
    expect(scansNamed(payload).sort()).toEqual([A, B, C]);
    expect(scansNamed({ receiverSignature: B, comment: A })).toEqual([B]);
    expect(scansNamed({ scans: ['not-a-hash'] })).toEqual([]);
  });
});

describe('appendRecord', () => {
  it('numbers a request\'s records 1, 2, 3… and refuses gaps, a late agent-request, and unknown scans', () => {
    const db = nodeDb();
    expect(() => appendRecord(db, { kind: 'agent-request', requestId: 'req-0001', occurredAt: AT, payload: {} })).toThrow(/inside the transaction/);
    append(db, { kind: 'agent-request', requestId: 'req-0001', occurredAt: AT, payload: { materials: [{ scans: [A] }] } });
    append(db, { kind: 'agent-event', requestId: 'req-0001', occurredAt: AT, payload: {} });
    expect(() => append(db, { kind: 'agent-event', requestId: 'req-0001', seq: 5, occurredAt: AT, payload: {} })).toThrow(/expects seq 3/);
    expect(() => append(db, { kind: 'agent-request', requestId: 'req-0001', occurredAt: AT, payload: {} })).toThrow(/seq 1/);
    expect(() => append(db, { kind: 'agent-request', requestId: 'req-0002', occurredAt: AT, payload: { signature: { sha256: C } } })).toThrow(/not stored/);
    expect(states(db)).toEqual([
      { r: 'req-0001', seq: 1, state: 'pending' },
      { r: 'req-0001', seq: 2, state: 'pending' },
    ]);
  });
});

describe('batch selection on the node', () => {
  it('sends seq n only after n-1 is done, and a record only once its scans reached the hall', () => {
    const db = nodeDb();
    append(db, { kind: 'agent-request', requestId: 'req-0001', occurredAt: AT, payload: {} });
    append(db, { kind: 'agent-event', requestId: 'req-0001', occurredAt: AT, payload: {} });
    append(db, { kind: 'agent-request', requestId: 'req-0002', occurredAt: AT, payload: { materials: [{ scans: [A] }] } });
    const now = Date.now();
    let rows = chooseBatch<VillageOutboxRow>(db, VILLAGE_OUTBOX, now, 'x');
    expect(rows.map((r) => [r.request_id, r.seq])).toEqual([['req-0001', 1]]);
    // A lost reply: nothing is done; the record goes back with a wait.
    applyOutcome(db, VILLAGE_OUTBOX, rows, { kind: 'failed', error: { code: 'timeout', detail: null } }, new Date(now), () => 1000);
    expect(chooseBatch(db, VILLAGE_OUTBOX, now, 'x')).toEqual([]);
    rows = chooseBatch<VillageOutboxRow>(db, VILLAGE_OUTBOX, now + 1000, 'x');
    const results = new Map([[rows[0]!.record_id, { recordId: rows[0]!.record_id, status: 'accepted' as const, receiptId: 'R1' }]]);
    applyOutcome(db, VILLAGE_OUTBOX, rows, { kind: 'replied', results, unknownIds: 0 }, new Date(now), () => 0);
    db.prepare('UPDATE scans SET state = ? WHERE sha256 = ?').run('done', A);
    rows = chooseBatch<VillageOutboxRow>(db, VILLAGE_OUTBOX, now + 1000, 'x');
    expect(rows.map((r) => [r.request_id, r.seq])).toEqual([['req-0001', 2], ['req-0002', 1]]);
    // Killed while SENDING: back to pending at start.
    expect(resetSending(db, VILLAGE_OUTBOX)).toBe(2);
    expect(states(db)).toEqual([
      { r: 'req-0001', seq: 1, state: 'done' },
      { r: 'req-0001', seq: 2, state: 'pending' },
      { r: 'req-0002', seq: 1, state: 'pending' },
    ]);
  });

  it('builds a batch body the hall parses with the contract', () => {
    const db = nodeDb();
    append(db, { kind: 'agent-request', requestId: 'req-0001', occurredAt: AT, payload: { note: '王 "引号"' } });
    const rows = chooseBatch<VillageOutboxRow>(db, VILLAGE_OUTBOX, Date.now(), 'x');
    const body = VillageBatch.parse(JSON.parse(villageBatchBody('node-1', AT, rows)));
    expect(body.records.map((r) => VillageRecord.parse(r))).toEqual([
      { recordId: rows[0]!.record_id, kind: 'agent-request', requestId: 'req-0001', seq: 1, occurredAt: AT, payload: { note: '王 "引号"' } },
    ]);
  });
});

describe('replies', () => {
  it('tells a revoked node from another refusal, for the village link only', () => {
    const revoked = JSON.stringify({ error: { code: 'revoked', message: '已停用' } });
    expect(parseResultsReply(401, revoked, new Set(), true)).toEqual({ kind: 'unauthorized', status: 401, code: 'revoked' });
    expect(parseResultsReply(401, '<html>', new Set(), true)).toEqual({ kind: 'unauthorized', status: 401 });
    expect(parseResultsReply(401, revoked, new Set())).toEqual({ kind: 'unauthorized', status: 401 });
  });
});

describe('the cursor pull', () => {
  const page = (items: string[], next: string | null): PageOutcome<string> => ({ kind: 'page', items, next });

  it('moves the cursor page by page, and never past a page whose store failed', async () => {
    let cursor: string | null = null;
    const pages: Record<string, PageOutcome<string>> = { start: page(['1', '2'], '2'), '2': page(['3'], '3'), '3': page([], null) };
    const stored: string[] = [];
    const pulled = await pullFeed<string>({
      readCursor: () => cursor,
      fetchPage: async (after) => pages[after ?? 'start']!,
      storePage: (items, next) => {
        stored.push(...items);
        cursor = next;
        return items.length;
      },
      cursorOf: (item) => item,
      maxPages: 10,
      signal: new AbortController().signal,
    });
    expect(pulled).toEqual({ kind: 'ok', received: 3 });
    expect(stored).toEqual(['1', '2', '3']);
    expect(cursor).toBe('3');

    cursor = null;
    const failing = pullFeed<string>({
      readCursor: () => cursor,
      fetchPage: async (after) => pages[after ?? 'start']!,
      storePage: () => {
        throw new Error('handler failed');
      },
      cursorOf: (item) => item,
      maxPages: 10,
      signal: new AbortController().signal,
    });
    await expect(failing).rejects.toThrow('handler failed');
    expect(cursor).toBeNull();
  });
});
