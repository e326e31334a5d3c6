// One agent request through the hall (DOMAIN §4, DESIGN §9) over real HTTP: the node's request and
// hand-over arrive, the clerk counts the hand-over (a difference noted), takes the request in as an
// agent case (the agent as 代理人 in the county record), asks for a correction, the node resubmits
// the missing material, the case is accepted, decided and concluded, the node delivers and the
// villager rates: the node hears exactly received → correction → accepted → decided → concluded →
// delivered-ack, in that order, once each.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from './support/hall.js';
import { ID_NUMBER, type Staff } from './support/cases.js';
import { agentRequestRecord, changes, handoverPayload, laterRecord, sendBatch, sendScan, startVillageHall, EAST, type VillageSetup } from './support/village-hall.js';

let h: TestHall;
let s: Staff;
let v: VillageSetup;

beforeAll(async () => {
  ({ h, s, v } = await startVillageHall());
});
afterAll(() => h.close());

describe('an agent request from the village to delivery', () => {
  const requestId = randomUUID();
  let agentRequestId = 0;
  let caseId = 0;
  let seq = 1;
  const next = (kind: string, payload: Record<string, unknown>) => laterRecord(requestId, ++seq, kind, payload);
  const accepted = async (record: { recordId: string }) => {
    const res = await sendBatch(h, v.node, [record]);
    expect(res.body.results).toEqual([expect.objectContaining({ recordId: record.recordId, status: 'accepted' })]);
  };

  it('receives the request and its hand-over, and the clerk counts it with one difference noted', async () => {
    const sig = await sendScan(h, v.node);
    await accepted(agentRequestRecord({ requestId, signature: sig, missing: ['户口簿'] }));
    await accepted(next('handover', handoverPayload('handover-1')));
    const list = await h.api('GET', `/agent-requests?village=${EAST}&state=handed_over`, { token: s.clerk });
    expect(list.body.rows.map((r: { requestId: string }) => r.requestId)).toEqual([requestId]);
    agentRequestId = list.body.rows[0].id;
    const unexplained = await h.api('POST', `/agent-requests/${agentRequestId}/receive`, { token: s.clerk, body: { materials: [{ name: '居民身份证', originals: 1, copies: 0 }] } });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error.details).toEqual([{ field: 'materials.0.note', code: 'discrepancy_note' }]);
    const received = await h.api('POST', `/agent-requests/${agentRequestId}/receive`, { token: s.clerk, body: { materials: [{ name: '居民身份证', originals: 1, copies: 0, note: '复印件未随件移交' }] } });
    expect(received.status).toBe(200);
    expect(received.body.state).toBe('received');
    expect(received.body.handover.discrepancies).toEqual([{ name: '居民身份证（复印件）', expected: 1, counted: 0, note: '复印件未随件移交' }]);
  });

  it('takes the request in as an agent case with the agent and village on it and in the county record', async () => {
    const intake = await h.api('POST', `/agent-requests/${agentRequestId}/intake`, { token: s.clerk });
    expect(intake.status).toBe(200);
    expect(intake.body.applicant.idNumber).toBe(ID_NUMBER);
    const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: intake.body.itemCode, applicant: intake.body.applicant, materials: intake.body.materials, agentRequestId } });
    expect(created.status).toBe(201);
    caseId = created.body.id;
    const row = h.db.prepare('SELECT channel, agent_request_id, agent_user_id, village_code, clerk_id IS NOT NULL AS has_clerk FROM cases WHERE id = ?').get(caseId);
    expect(row).toEqual({ channel: 'agent', agent_request_id: agentRequestId, agent_user_id: v.agentId, village_code: EAST, has_clerk: 1 });
    const record = h.db.prepare("SELECT payload FROM outbox WHERE kind = 'case' AND case_no = ?").get(created.body.caseNo) as { payload: string };
    expect(JSON.parse(record.payload).agent).toEqual({ name: 'agent-east', village: '东岭村', villageCode: EAST });
    const again = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: intake.body.itemCode, applicant: intake.body.applicant, materials: intake.body.materials, agentRequestId } });
    expect(again.status).toBe(409);
  });

  it('runs correction → resubmit (from the node) → accept → approve → conclude, and the node hears each once, in order', async () => {
    const act = (body: Record<string, unknown>, token = s.clerk) => h.api('POST', `/cases/${caseId}/actions`, { token, body });
    expect((await act({ action: 'request-correction', corrections: [{ name: '户口簿', reason: '未提供户口簿原件' }, { name: '居民身份证', reason: '缺复印件' }] })).status).toBe(200);
    await accepted(next('agent-event', { action: 'resubmit', materials: [{ name: '户口簿', originals: 1, copies: 0, scans: [] }, { name: '居民身份证', originals: 1, copies: 1, scans: [] }], note: '已补户口簿和复印件' }));
    expect(h.db.prepare('SELECT status FROM cases WHERE id = ?').get(caseId)).toEqual({ status: 'received' });
    expect((await act({ action: 'accept' })).status).toBe(200);
    expect((await act({ action: 'assign', assigneeId: s.backofficeId }, s.backoffice)).status).toBe(200);
    expect((await act({ action: 'approve', note: '符合条件' }, s.backoffice)).status).toBe(200);
    expect((await act({ action: 'conclude' }, s.backoffice)).status).toBe(200);

    await accepted(next('delivery', { method: 'agent', deliveredAt: '2026-03-10T10:00:00+08:00', receiverName: '王芳' }));
    await accepted(next('rating', { stage: 'conclude', level: 5, comment: '', ratedAt: '2026-03-10T10:05:00+08:00' }));
    expect(h.db.prepare('SELECT status, delivery_method FROM cases WHERE id = ?').get(caseId)).toEqual({ status: 'delivered', delivery_method: 'window' });
    expect(h.db.prepare("SELECT channel, stage, level, device_id FROM ratings WHERE case_id = ?").all(caseId)).toEqual([{ channel: 'agent', stage: 'concluded', level: 5, device_id: v.nodeId }]);

    const feed = await changes(h, v.node);
    expect(feed.body.changes.map((c: { requestId: string; kind: string }) => `${c.requestId === requestId ? '' : 'other:'}${c.kind}`)).toEqual(['received', 'correction', 'accepted', 'decided', 'concluded', 'delivered-ack']);
    const [received, correction, acceptedChange, decided] = feed.body.changes;
    expect(received.payload.discrepancies).toHaveLength(1);
    expect(correction.payload.materials).toEqual(['户口簿', '居民身份证']);
    expect(acceptedChange.payload.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(decided.payload.decision).toBe('approved');
    expect((await changes(h, v.node, feed.body.next)).body.changes).toEqual([]);
    // The node's own feed never shows the other agent anything of this request.
    expect((await changes(h, v.otherNode)).body.changes).toEqual([]);
  });

  it('lets the agent signed in at the hall read their request, and nobody else\'s agent', async () => {
    const mine = await h.api('GET', `/agent-requests/${agentRequestId}`, { token: v.agentToken });
    expect(mine.status).toBe(200);
    expect(mine.body.caseStatus).toBe('delivered');
    expect((await h.api('GET', `/agent-requests/${agentRequestId}`, { token: v.otherAgentToken })).status).toBe(404);
    expect((await h.api('POST', `/agent-requests/${agentRequestId}/receive`, { token: v.agentToken, body: { materials: [] } })).status).toBe(403);
  });
});
