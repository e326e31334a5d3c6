// A correction supplied from the village lands on the case's own check-list (issue 9): the counts the
// clerk took at the window stay, and only the supplied material changes. Seen in the village e2e: the
// resubmit was merged onto the village's first declaration instead, so what the clerk had counted at
// the window (here the ID card's copy, brought in later) was lost and 受理 answered 422.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestHall } from './support/hall.js';
import type { Staff } from './support/cases.js';
import { agentRequestRecord, handoverPayload, laterRecord, sendBatch, sendScan, startVillageHall, type VillageSetup } from './support/village-hall.js';

let h: TestHall;
let s: Staff;
let v: VillageSetup;

beforeAll(async () => {
  ({ h, s, v } = await startVillageHall());
});
afterAll(() => h.close());

it('keeps the clerk\'s counts and puts the supplied material in its place', async () => {
  const requestId = randomUUID();
  const declared = [{ name: '居民身份证', originals: 1, copies: 0 }];
  const send = async (record: { recordId: string }) => {
    const res = await sendBatch(h, v.node, [record]);
    expect(res.body.results).toEqual([expect.objectContaining({ status: 'accepted' })]);
  };
  await send(agentRequestRecord({ requestId, signature: await sendScan(h, v.node), materials: declared.map((m) => ({ ...m, scans: [] })), missing: ['居民身份证', '户口簿'] }));
  await send(laterRecord(requestId, 2, 'handover', handoverPayload('handover-merge', declared)));
  const id = (h.db.prepare('SELECT id FROM agent_requests WHERE request_id = ?').get(requestId) as { id: number }).id;
  expect((await h.api('POST', `/agent-requests/${id}/receive`, { token: s.clerk, body: { materials: declared } })).status).toBe(200);
  const intake = await h.api('POST', `/agent-requests/${id}/intake`, { token: s.clerk });
  // The villager's son brought the ID card's copy to the window: the clerk counts it at intake.
  const counted = [{ name: '居民身份证', originals: 1, copies: 1 }];
  const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: intake.body.itemCode, applicant: intake.body.applicant, materials: counted, agentRequestId: id } });
  expect(created.status).toBe(201);
  const act = (body: Record<string, unknown>) => h.api('POST', `/cases/${created.body.id}/actions`, { token: s.clerk, body });
  expect((await act({ action: 'request-correction', corrections: [{ name: '户口簿', reason: '未提供' }] })).status).toBe(200);

  await send(laterRecord(requestId, 3, 'agent-event', { action: 'resubmit', materials: [{ name: '户口簿', originals: 1, copies: 0, scans: [] }], note: '' }));

  const rows = h.db.prepare('SELECT name, originals, copies FROM case_materials WHERE case_id = ? ORDER BY position').all(created.body.id);
  expect(rows).toEqual([
    { name: '居民身份证', originals: 1, copies: 1 },
    { name: '户口簿', originals: 1, copies: 0 },
    { name: '授权委托书', originals: 0, copies: 0 },
  ]);
  const accepted = await act({ action: 'accept' });
  expect(accepted.status).toBe(200);
});
