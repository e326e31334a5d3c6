// The agent's API on a real village node server (in-process, over HTTP on 127.0.0.1): bad input is a
// 400 naming the field and changes nothing; a request goes 委托 → 收件 → 移交 and waits to upload.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { villageMigrations } from '../../db/village-migrations/index.js';
import { get, sql } from '../../db/sql.js';
import { storeCatalog } from '../../electron/village/link/catalog-mirror.js';
import { storePairing } from '../../electron/village/link/node-state.js';
import { buildVillageServer } from '../../electron/village/server.js';
import { CATALOG_ITEMS, VILLAGES } from './support/agent-node.js';

let app: FastifyInstance;
let base = '';
const db = (() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'agent-api-'));
  const d = openDatabase(path.join(dir, 'village.db'));
  migrate(d, villageMigrations);
  return Object.assign(d, { dir });
})();

async function api(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}/api/v1${url}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  db.transaction(() =>
    storePairing(db, 'http://127.0.0.1:9', 'token', { nodeId: 'n1', nodeName: '东岭村代办点', hall: { name: '测试镇', phone: null }, agent: { id: 3, displayName: '李代办' }, villages: VILLAGES }, new Date()),
  )();
  storeCatalog(db, 1, CATALOG_ITEMS);
  ({ app } = await buildVillageServer({ db, dataDir: db.dir, version: 'test', rendererDir: null, startLink: false }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

afterAll(async () => {
  await app.close();
  db.close();
});

describe('the agent API on the village node', () => {
  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const id = randomUUID();
    const bad = await api('PUT', `/agent/requests/${id}/draft`, { applicantName: 'x'.repeat(51) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain('applicantName');
    expect(get(db, sql`SELECT 1 FROM agent_requests WHERE request_id = ${id}`)).toBeUndefined();
    expect((await api('GET', '/agent/requests?list=nonsense')).status).toBe(400);
    expect((await api('PUT', '/agent/requests/not-a-uuid/draft', {})).status).toBe(400);

    await api('PUT', `/agent/requests/${id}/draft`, { applicantName: '王秀英' });
    const wrongId = await api('POST', `/agent/requests/${id}/authorise`, {
      villageCode: VILLAGES[0]!.code, applicantName: '王秀英', residentId: '110105194912310021', mobile: '13800138000', itemCode: 'T-001', itemName: '最低生活保障申请',
      scope: '代为提交', validFrom: '2026-11-27', validUntil: '2026-11-01', signature: { kind: 'drawn', sha256: 'a'.repeat(64) },
    });
    expect(wrongId.status).toBe(400);
    const fields = wrongId.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['residentId', 'validUntil']));
    expect((await api('GET', `/agent/requests/${id}`)).body.state).toBe('draft');
  });

  it('takes a request from draft to hand-over; the records wait to upload and the health says so', async () => {
    const id = randomUUID();
    expect((await api('PUT', `/agent/requests/${id}/draft`, { applicantName: '王秀英', residentId: '11010519491231002X' })).status).toBe(200);
    const sig = await api('POST', '/agent/scans', { mediaType: 'image/png', base64: png.toString('base64') });
    expect(sig.status).toBe(201);
    const authorised = await api('POST', `/agent/requests/${id}/authorise`, {
      villageCode: VILLAGES[1]!.code, applicantName: '王秀英', residentId: '11010519491231002X', mobile: '13800138000', itemCode: 'T-001', itemName: 'ignored',
      scope: '代为提交申请材料并领取结果', validFrom: '2026-11-27', validUntil: '2027-02-27', signature: { kind: 'drawn', sha256: sig.body.sha256 },
    });
    expect(authorised.status).toBe(200);
    expect(authorised.body).toMatchObject({ state: 'authorised', itemName: '最低生活保障申请', residentIdMasked: '110105********002X' });
    expect(authorised.body.missing).toEqual(['居民身份证', '户口簿', '家庭收入证明']);

    const saved = await api('PUT', `/agent/requests/${id}/materials`, { materials: [{ name: '居民身份证', originals: 1, copies: 1, scans: [] }, { name: '户口簿', originals: 1, copies: 0 }] });
    expect(saved.body.missing).toEqual(['家庭收入证明']);
    const collected = await api('POST', `/agent/requests/${id}/collect`, { materials: [{ name: '居民身份证', originals: 1, copies: 1 }, { name: '户口簿', originals: 1, copies: 0 }] });
    expect(collected.status).toBe(200);
    expect(collected.body.state).toBe('collected');
    const health = await api('GET', '/health');
    expect(health.body.pending).toEqual({ records: 1, scans: 1 });

    const list = await api('GET', '/agent/requests?list=waiting');
    expect(list.body.requests.map((r: { requestId: string }) => r.requestId)).toContain(id);
    expect(JSON.stringify(list.body)).not.toContain('11010519491231002X');
    const handed = await api('POST', '/agent/handovers', { requestIds: [id] });
    expect(handed.status).toBe(201);
    // The printed list names who hands over: the agent, the station, each request's village.
    expect(handed.body).toMatchObject({ agentName: '李代办', nodeName: '东岭村代办点' });
    expect(handed.body.requests[0].villageName).toBe(VILLAGES[1]!.name);
    expect(handed.body.requests[0].materials).toEqual([{ name: '居民身份证', originals: 1, copies: 1 }, { name: '户口簿', originals: 1, copies: 0 }]);
    expect((await api('GET', '/health')).body.pending.records).toBe(2);
    expect((await api('POST', '/agent/handovers', { requestIds: [id] })).status).toBe(409);
    expect((await api('GET', '/agent/lists')).body).toMatchObject({ 'in-progress': 1 });
  });

  it('searches the mirrored catalogue offline and lists the agent\'s villages', async () => {
    expect((await api('GET', '/agent/catalog?q=dibao')).body.items.map((i: { code: string }) => i.code)).toEqual(['T-001']);
    expect((await api('GET', '/agent/villages')).body.villages.map((v: { name: string }) => v.name)).toEqual(['东桥村', '西河村']);
  });
});
