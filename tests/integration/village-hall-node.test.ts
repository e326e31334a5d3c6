// The hall's side of the village link (DESIGN §9) over real HTTP: pairing a village node to one agent,
// the profile and catalogue mirror, a revoked node refused with `revoked`, records stored exactly once
// whatever the replays, per-request order, villages of other agents refused, and the changes feed
// never showing one agent another's requests.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';
import { addItems } from './support/cases.js';
import { agentRequestRecord, changes, EAST, handoverPayload, laterRecord, NORTH, sendBatch, sendScan, setUpVillages, WEST, type VillageSetup } from './support/village-hall.js';

let h: TestHall;
let v: VillageSetup;

beforeAll(async () => {
  h = await startHall();
  addItems(h);
  v = await setUpVillages(h, await h.login('admin', ADMIN_PASSWORD));
});
afterAll(() => h.close());

const count = (sql: string, ...args: unknown[]) => (h.db.prepare(sql).get(...args) as { n: number }).n;

describe('pairing a village node', () => {
  it('binds the node to an active agent; refuses a village node without one, an agent on another kind, and a non-agent', async () => {
    const clerkId = (h.db.prepare("SELECT id FROM users WHERE role = 'admin'").get() as { id: number }).id;
    const none = await h.api('POST', '/devices', { token: v.admin, body: { name: '无人代办点', kind: 'village' } });
    expect(none.status).toBe(400);
    expect(none.body.error.details).toEqual([{ field: 'agentId', code: 'required' }]);
    const kiosk = await h.api('POST', '/devices', { token: v.admin, body: { name: '取号机', kind: 'kiosk', agentId: v.agentId } });
    expect(kiosk.status).toBe(400);
    expect(kiosk.body.error.details[0].field).toBe('agentId');
    const notAgent = await h.api('POST', '/devices', { token: v.admin, body: { name: '错代办点', kind: 'village', agentId: clerkId } });
    expect(notAgent.status).toBe(400);
    expect(notAgent.body.error.details).toEqual([{ field: 'agentId', code: 'not_active_agent' }]);
    const listed = await h.api('GET', '/devices', { token: v.admin });
    expect(listed.body.rows.find((d: { id: number }) => d.id === v.nodeId)).toMatchObject({ kind: 'village', agentId: v.agentId });
  });

  it('gives the node its profile: the agent and exactly the agent\'s villages', async () => {
    const res = await h.api('GET', '/village/profile', { token: v.node });
    expect(res.status).toBe(200);
    expect(res.body.agent.id).toBe(v.agentId);
    // The node prints its own name on the 移交清单.
    expect(res.body.nodeName).toBe('东岭代办点');
    expect(res.body.villages.map((x: { code: string }) => x.code)).toEqual([EAST, WEST]);
    expect(res.body.villages[0].gridPath).toEqual(['片区', '东岭村', '第一网格']);
  });

  it('keeps every other caller off the village routes', async () => {
    expect((await h.api('GET', '/village/profile', { token: v.agentToken })).status).toBe(403);
    expect((await h.api('GET', '/village/profile')).status).toBe(401);
  });

  it('mirrors the catalogue by version: everything once, nothing while current, everything again after an edit', async () => {
    const first = await h.api('GET', '/village/catalog?since=0', { token: v.node });
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { code: string }) => i.code).sort()).toEqual(['CNTY01', 'TOWN01']);
    expect(first.body.items[0].materials.length).toBeGreaterThan(0);
    const same = await h.api('GET', `/village/catalog?since=${first.body.version}`, { token: v.node });
    expect(same.body).toEqual({ version: first.body.version, items: null });
    const { code: _code, ...fields } = (await h.api('GET', '/items/TOWN01', { token: v.admin })).body;
    const edit = await h.api('PUT', '/items/TOWN01', { token: v.admin, body: { ...fields, keywords: ['居住', '证明'] } });
    expect(edit.status).toBe(200);
    const after = await h.api('GET', `/village/catalog?since=${first.body.version}`, { token: v.node });
    expect(after.body.version).toBeGreaterThan(first.body.version);
    expect(after.body.items.find((i: { code: string }) => i.code === 'TOWN01').keywords).toEqual(['居住', '证明']);
  });
});

describe('records from a node', () => {
  it('stores a record replayed three times once, answering the same receipt each time', async () => {
    const sig = await sendScan(h, v.node);
    const record = agentRequestRecord({ signature: sig });
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push((await sendBatch(h, v.node, [record])).body.results[0]);
    expect(replies[0]).toMatchObject({ recordId: record.recordId, status: 'accepted' });
    expect(replies[1]).toEqual({ recordId: record.recordId, status: 'duplicate', receiptId: replies[0].receiptId });
    expect(replies[2]).toEqual(replies[1]);
    expect(count('SELECT count(*) AS n FROM agent_requests WHERE request_id = ?', record.requestId)).toBe(1);
    expect(count('SELECT count(*) AS n FROM village_records WHERE request_id = ?', record.requestId)).toBe(1);
  });

  it('leaves a record unanswered until the one before it in its request is stored, then takes both in order', async () => {
    const sig = await sendScan(h, v.node);
    const first = agentRequestRecord({ signature: sig });
    const handover = laterRecord(first.requestId, 2, 'handover', handoverPayload(randomUUID()));
    const resubmit = laterRecord(first.requestId, 3, 'agent-event', { action: 'suspend', note: '村民外出' });
    const early = await sendBatch(h, v.node, [resubmit, handover]);
    expect(early.status).toBe(200);
    expect(early.body.results).toEqual([]);
    const both = await sendBatch(h, v.node, [resubmit, first, handover]);
    // Seq 3 came before its seq 2 in this batch: still waits; seq 1 and 2 are taken.
    expect(both.body.results.map((r: { recordId: string; status: string }) => [r.recordId, r.status])).toEqual([
      [first.recordId, 'accepted'],
      [handover.recordId, 'accepted'],
    ]);
    const last = await sendBatch(h, v.node, [resubmit]);
    expect(last.body.results[0].status).toBe('accepted');
    const state = h.db.prepare('SELECT state, last_seq FROM agent_requests WHERE request_id = ?').get(first.requestId);
    expect(state).toEqual({ state: 'suspended', last_seq: 3 });
  });

  it('refuses a request for a village that is not the agent\'s, naming the field, and stores nothing', async () => {
    const sig = await sendScan(h, v.node);
    const record = agentRequestRecord({ signature: sig, villageCode: NORTH });
    const res = await sendBatch(h, v.node, [record]);
    expect(res.body.results[0]).toMatchObject({ recordId: record.recordId, status: 'rejected' });
    expect(res.body.results[0].reason).toContain('payload.villageCode');
    expect(count('SELECT count(*) AS n FROM agent_requests WHERE request_id = ?', record.requestId)).toBe(0);
  });

  it('rejects a malformed record with the field named, and still takes the good one beside it', async () => {
    const sig = await sendScan(h, v.node);
    const bad = agentRequestRecord({ signature: sig });
    (bad.payload.applicant as { residentId: string }).residentId = '110105194912310021';
    const good = agentRequestRecord({ signature: sig });
    const res = await sendBatch(h, v.node, [bad, good]);
    expect(res.body.results[0].status).toBe('rejected');
    expect(res.body.results[0].reason).toMatch(/^payload\.applicant\.residentId: /);
    expect(res.body.results[1].status).toBe('accepted');
  });

  it('waits for a record naming a scan until the scan is complete', async () => {
    const record = agentRequestRecord({ signature: 'e'.repeat(64) });
    expect((await sendBatch(h, v.node, [record])).body.results).toEqual([]);
  });

  it('never lets one agent add to another agent\'s request', async () => {
    const sig = await sendScan(h, v.node);
    const record = agentRequestRecord({ signature: sig });
    await sendBatch(h, v.node, [record]);
    const intrude = laterRecord(record.requestId, 2, 'handover', handoverPayload(randomUUID()));
    const res = await sendBatch(h, v.otherNode, [intrude]);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'requestId: request_of_other_agent' });
  });
});

describe('the changes feed and the revoked node', () => {
  it('shows a node only its own agent\'s requests, and the hall list scopes an agent the same way', async () => {
    const otherSig = await sendScan(h, v.otherNode);
    const northRecord = agentRequestRecord({ signature: otherSig, villageCode: NORTH });
    expect((await sendBatch(h, v.otherNode, [northRecord])).body.results[0].status).toBe('accepted');
    const eastIds = (h.db.prepare('SELECT id FROM agent_requests WHERE agent_user_id = ?').all(v.agentId) as Array<{ id: number }>).map((r) => r.id);
    const northId = (h.db.prepare('SELECT id FROM agent_requests WHERE request_id = ?').get(northRecord.requestId) as { id: number }).id;
    // A change for each side (written as the hall would, in a transaction).
    h.db.transaction(() => {
      for (const id of [...eastIds, northId]) {
        const code = (h.db.prepare('SELECT village_code FROM agent_requests WHERE id = ?').get(id) as { village_code: string }).village_code;
        h.db.prepare("INSERT INTO village_changes (agent_request_id, village_code, kind, payload, created_at) VALUES (?, ?, 'delivered-ack', ?, ?)").run(id, code, JSON.stringify({ deliveredAt: '2026-03-02' }), '2026-03-02T00:00:00Z');
      }
    })();
    const mine = await changes(h, v.node);
    const theirs = await changes(h, v.otherNode);
    expect(mine.body.changes.length).toBe(eastIds.length);
    expect(mine.body.changes.every((c: { requestId: string }) => c.requestId !== northRecord.requestId)).toBe(true);
    expect(theirs.body.changes.map((c: { requestId: string }) => c.requestId)).toEqual([northRecord.requestId]);
    expect(mine.body.next).toBe(mine.body.changes.at(-1).cursor);
    expect((await changes(h, v.node, mine.body.next)).body).toEqual({ changes: [], next: null });

    const agentList = await h.api('GET', '/agent-requests', { token: v.agentToken });
    expect(agentList.status).toBe(200);
    expect(agentList.body.rows.every((r: { villageCode: string }) => r.villageCode === EAST || r.villageCode === WEST)).toBe(true);
    expect(agentList.body.total).toBe(eastIds.length);
    expect((await h.api('GET', `/agent-requests/${northId}`, { token: v.agentToken })).status).toBe(404);
    expect(agentList.body.rows[0].idNumber).toMatch(/\*/);
  });

  it('answers a revoked node 401 revoked on every village route, and an unknown token a plain 401', async () => {
    const extra = await h.api('POST', '/devices', { token: v.admin, body: { name: '临时代办点', kind: 'village', agentId: v.agentId } });
    expect((await h.api('GET', '/village/profile', { token: extra.body.token })).status).toBe(200);
    await h.api('POST', `/devices/${extra.body.id}/revoke`, { token: v.admin });
    for (const [method, url] of [['GET', '/village/profile'], ['GET', '/village/changes'], ['GET', '/village/catalog'], ['POST', '/village/batches']] as const) {
      const res = await h.api(method, url, { token: extra.body.token, ...(method === 'POST' ? { body: { nodeId: 'x', sentAt: 'x', records: [] } } : {}) });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('revoked');
    }
    const unknown = await h.api('GET', '/village/profile', { token: 'not-a-token-at-all' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('unauthorized');
  });
});
