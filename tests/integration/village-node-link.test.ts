// The village node in-process over real HTTP (DESIGN §9): pairing against the hall, a 10 MB scan over
// a link that drops every ~0.7 s arriving intact without starting over, hall changes handed on once,
// the catalogue mirrored by version, and a revoked node refused and wiped.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import { verifyAudit } from '../../electron/hall/audit/chain.js';
import type { VillageChange } from '../../electron/contract/village.js';
import { fullJitter } from '../../electron/link/backoff.js';
import { appendRecord } from '../../electron/village/link/records.js';
import type { HallLink } from '../../electron/village/link/hall-link.js';
import type { VillageNode } from '../../electron/village/node-context.js';
import { buildVillageServer } from '../../electron/village/server.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { startMiniHall, type MiniHall } from '../support/mini-village-hall.js';
import { openNodeDatabase, sha256 } from './support/village-node.js';

let hall: MiniHall;
let proxy: FaultProxy;
let data: string;
let db: Db;
let app: FastifyInstance;
let node: VillageNode;
let link: HallLink;
let base: string;
const applied: VillageChange[] = [];
let wiped = 0;

beforeAll(async () => {
  hall = await startMiniHall();
  proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: hall.port }, bytesPerSecond: 4 * 1024 * 1024 });
  data = mkdtempSync(path.join(os.tmpdir(), 'village-node-'));
  db = openNodeDatabase(data);
  ({ app, node, link } = await buildVillageServer({ db, dataDir: data, version: 'test', startLink: false, backoff: fullJitter(() => 0), linkTimeoutMs: 5_000 }));
  node.link.onHallChange((_db, change) => void applied.push(change));
  node.link.onWipe(() => void (wiped += 1));
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1`;
});
afterAll(async () => {
  await app.close();
  db.close();
  await proxy.close();
  await hall.close();
  rmSync(data, { recursive: true, force: true });
});

const post = (url: string, body: unknown) => fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const health = async () => (await (await fetch(`${base}/health`)).json()) as { paired: boolean; hallReachable: boolean; pending: { records: number; scans: number } };

describe('a village node and its hall', () => {
  it('pairs with the one-time code, and refuses a wrong code or a bad address naming the field', async () => {
    hall.addNode('pair-code-0001', 'node-1');
    const wrong = await post('/pairing', { hallUrl: proxy.url, code: 'not-the-code' });
    expect(wrong.status).toBe(422);
    const bad = await post('/pairing', { hallUrl: 'ftp://hall', code: 'pair-code-0001' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('hallUrl');
    const paired = await post('/pairing', { hallUrl: `${proxy.url}/`, code: 'pair-code-0001' });
    expect(paired.status).toBe(200);
    expect(await paired.json()).toMatchObject({ paired: true, hallUrl: proxy.url, agent: { displayName: '王代办' }, villages: [{ code: '320722100201' }] });
    expect((await post('/pairing', { hallUrl: proxy.url, code: 'pair-code-0001' })).status).toBe(409);
  });

  it('gets a 10 MB scan through a link that drops every 0.7 s without starting over', async () => {
    const bytes = randomBytes(10 * 1024 * 1024);
    const sha = node.storeScan(bytes);
    db.transaction(() => appendRecord(db, { kind: 'agent-request', requestId: 'req-big-0001', occurredAt: new Date().toISOString(), payload: { materials: [{ name: '房产证', scans: [sha] }] } })).immediate();
    expect((await health()).pending).toEqual({ records: 1, scans: 1 });
    const cutter = setInterval(() => proxy.cutAll(), 700);
    const before = hall.counters.scanBytes;
    try {
      for (let i = 0; i < 40 && (await health()).pending.records > 0; i++) await link.runCycle();
    } finally {
      clearInterval(cutter);
    }
    expect((await health()).pending).toEqual({ records: 0, scans: 0 });
    expect(proxy.counts.cutAll).toBeGreaterThanOrEqual(2);
    const upload = hall.scans.get(sha)!;
    expect(upload.complete).toBe(true);
    expect(sha256(Buffer.concat(upload.chunks))).toBe(sha);
    // Every byte the hall kept was kept once: no chunk was sent again from the start.
    expect(hall.counters.scanBytes - before).toBe(bytes.length);
    expect(hall.counters.scanRestarts).toBe(0);
    expect(hall.records.filter((r) => r.requestId === 'req-big-0001')).toHaveLength(1);
  }, 60_000);

  it('hands each hall change on once and mirrors the catalogue by version', async () => {
    hall.addChange({ requestId: 'req-big-0001', kind: 'received', payload: { receivedAt: 'x', receivedBy: '李', discrepancies: [] } });
    hall.addChange({ requestId: 'req-big-0001', kind: 'accepted', payload: { caseNo: 'C1', acceptedAt: 'x' } });
    hall.setCatalog(3, [{ code: 'T-001', name: '最低生活保障申请', keywords: ['低保'] }]);
    await link.runCycle();
    await link.runCycle();
    expect(applied.map((c) => c.kind)).toEqual(['received', 'accepted']);
    const item = db.prepare('SELECT code, search_key FROM catalog_items').get() as { code: string; search_key: string };
    expect(item.code).toBe('T-001');
    expect(item.search_key).toContain('dibao');
    expect((db.prepare('SELECT catalog_version AS v FROM link_state').get() as { v: number }).v).toBe(3);
  });

  it('a revoked node is refused, wipes its records, scans and mirror, and returns to pairing', async () => {
    const sha = node.storeScan(Buffer.from('scan before revocation'));
    db.transaction(() => appendRecord(db, { kind: 'agent-request', requestId: 'req-late-0001', occurredAt: new Date().toISOString(), payload: { materials: [{ name: 'x', scans: [sha] }] } })).immediate();
    hall.revoke('pair-code-0001');
    const report = await link.runCycle();
    expect(report.revoked).toBe(true);
    expect(wiped).toBe(1);
    expect(await health()).toMatchObject({ paired: false, hallReachable: false, pending: { records: 0, scans: 0 } });
    for (const table of ['link_outbox', 'scans', 'hall_changes', 'catalog_items', 'pairing']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(existsSync(path.join(data, 'scans', sha))).toBe(false);
    expect(((await (await fetch(`${base}/pairing`)).json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    // The revoked code pairs no more.
    expect((await post('/pairing', { hallUrl: proxy.url, code: 'pair-code-0001' })).status).toBe(422);
  });
});
