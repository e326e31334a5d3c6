// What an agent case keeps of its request, and what the node hears of the case (DOMAIN §3, §4; DESIGN §9),
// over real HTTP: the scans the node uploaded become the case's scans at intake and when a correction's
// materials arrive (shown on the materials like the counter's, each with its attach-scan event); the
// correction the node hears carries the 补正 deadline in the hall's working days; and a rating the agent
// took is held to the same stage period as every case rating, refused with its own code when late.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from './support/hall.js';
import type { Staff } from './support/cases.js';
import { agentRequestRecord, changes, handoverPayload, laterRecord, putChunk, sendBatch, sendScan, sha256, startVillageHall, type VillageSetup } from './support/village-hall.js';

const DAY = 86_400_000;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`身份证正面 ${randomUUID()}`)]);
const PDF = Buffer.from(`%PDF-1.4 户口簿 ${randomUUID()}`);

let h: TestHall;
let s: Staff;
let v: VillageSetup;

beforeAll(async () => {
  ({ h, s, v } = await startVillageHall());
});
afterAll(() => h.close());

async function upload(bytes: Buffer): Promise<string> {
  const sha = sha256(bytes);
  expect((await putChunk(h, v.node, sha, bytes, 0, bytes.length)).status).toBe(200);
  return sha;
}

async function accepted(record: { recordId: string }): Promise<void> {
  const res = await sendBatch(h, v.node, [record]);
  expect(res.body.results).toEqual([expect.objectContaining({ recordId: record.recordId, status: 'accepted' })]);
}

/** A request sent, handed over and received by the clerk, then taken in as a case; returns the case id. */
async function agentCase(requestId: string, materials: Array<{ name: string; originals: number; copies: number; scans: string[] }>, missing: string[]): Promise<number> {
  await accepted(agentRequestRecord({ requestId, signature: await sendScan(h, v.node), materials, missing }));
  const counted = materials.map(({ name, originals, copies }) => ({ name, originals, copies }));
  await accepted(laterRecord(requestId, 2, 'handover', handoverPayload(`handover-${requestId.slice(0, 8)}`, counted)));
  const id = (h.db.prepare('SELECT id FROM agent_requests WHERE request_id = ?').get(requestId) as { id: number }).id;
  expect((await h.api('POST', `/agent-requests/${id}/receive`, { token: s.clerk, body: { materials: counted } })).status).toBe(200);
  const intake = (await h.api('POST', `/agent-requests/${id}/intake`, { token: s.clerk })).body;
  const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: intake.itemCode, applicant: intake.applicant, materials: intake.materials, agentRequestId: id } });
  expect(created.status).toBe(201);
  return created.body.id;
}

const act = (caseId: number, body: Record<string, unknown>, token = s.clerk) => h.api('POST', `/cases/${caseId}/actions`, { token, body });
const scansOf = async (caseId: number) =>
  ((await h.api('GET', `/cases/${caseId}`, { token: s.clerk })).body.materials as Array<{ name: string; scans: Array<{ sha256: string; contentType: string; fileName: string }> }>)
    .filter((m) => m.scans.length)
    .map((m) => ({ name: m.name, scans: m.scans.map((x) => [x.sha256, x.contentType]) }));
const scanEvents = (caseId: number) =>
  (h.db.prepare("SELECT detail FROM case_events WHERE case_id = ? AND action = 'attach-scan' ORDER BY seq").all(caseId) as Array<{ detail: string }>).map(
    (e) => JSON.parse(e.detail).scan.sha256 as string,
  );

describe('the scans a node sent for a request', () => {
  const requestId = randomUUID();
  let caseId = 0;
  let png = '';
  let other = '';

  it('become the case\'s scans at intake, shown on the material like scans taken at the counter, each with its attach-scan event', async () => {
    png = await upload(PNG);
    // Bytes the counter would refuse as a scan (not PDF, JPEG or PNG) stay with the request only.
    other = await upload(Buffer.from(`not an image ${randomUUID()}`));
    caseId = await agentCase(requestId, [{ name: '居民身份证', originals: 1, copies: 1, scans: [png, other] }], ['户口簿']);
    expect(await scansOf(caseId)).toEqual([{ name: '居民身份证', scans: [[png, 'image/png']] }]);
    expect(scanEvents(caseId)).toEqual([png]);
    expect(h.db.prepare('SELECT uploaded_by FROM case_scans WHERE case_id = ?').all(caseId)).toEqual([{ uploaded_by: v.agentId }]);
    // The county hears of the scan after the case itself, as of every counter scan.
    const kinds = (h.db.prepare('SELECT kind, seq FROM outbox WHERE case_no = (SELECT case_no FROM cases WHERE id = ?) ORDER BY id').all(caseId) as Array<{ kind: string; seq: number | null }>).map((r) => r.kind);
    expect(kinds[0]).toBe('case');
    expect(kinds.slice(1)).toContain('case-event');
  });

  it('and the scans of a correction\'s materials join them when the node resubmits', async () => {
    expect((await act(caseId, { action: 'request-correction', corrections: [{ name: '户口簿', reason: '未提供户口簿' }] })).status).toBe(200);
    const pdf = await upload(PDF);
    await accepted(laterRecord(requestId, 3, 'agent-event', { action: 'resubmit', materials: [{ name: '户口簿', originals: 1, copies: 0, scans: [pdf] }], note: '已补户口簿' }));
    expect(h.db.prepare('SELECT status FROM cases WHERE id = ?').get(caseId)).toEqual({ status: 'received' });
    expect(await scansOf(caseId)).toEqual([
      { name: '居民身份证', scans: [[png, 'image/png']] },
      { name: '户口簿', scans: [[sha256(PDF), 'application/pdf']] },
    ]);
    expect(scanEvents(caseId)).toEqual([png, sha256(PDF)]);
  });
});

describe('the correction the node hears', () => {
  it('carries the deadline of the 补正告知书: cases.correctionWorkingDays working days in the hall\'s calendar', async () => {
    // The hall's clock stands at Monday 2026-03-02, 09:00 in the hall's time zone; no holiday that week.
    const first = await agentCase(randomUUID(), [{ name: '居民身份证', originals: 1, copies: 1, scans: [] }], ['户口簿']);
    expect((await act(first, { action: 'request-correction', corrections: [{ name: '户口簿', reason: '未提供户口簿' }] })).status).toBe(200);
    const settings = (await h.api('GET', '/hall/settings', { token: s.admin })).body;
    expect((await h.api('PUT', '/hall/settings', { token: s.admin, body: { ...settings, correctionWorkingDays: 3 } })).status).toBe(200);
    const second = await agentCase(randomUUID(), [{ name: '居民身份证', originals: 1, copies: 1, scans: [] }], ['户口簿']);
    expect((await act(second, { action: 'request-correction', corrections: [{ name: '户口簿', reason: '未提供户口簿' }] })).status).toBe(200);

    const caseNos = [first, second].map((id) => (h.db.prepare('SELECT case_no FROM cases WHERE id = ?').get(id) as { case_no: string }).case_no);
    const corrections = (await changes(h, v.node)).body.changes.filter((c: { kind: string; payload: { caseNo: string } }) => c.kind === 'correction' && caseNos.includes(c.payload.caseNo));
    expect(corrections.map((c: { payload: { deadline: string } }) => c.payload.deadline)).toEqual(['2026-03-09', '2026-03-05']);
    // The same day the printed notice gives.
    const notice = await fetch(`${h.base}/api/v1/cases/${second}/notices/correction`, { headers: { authorization: `Bearer ${s.clerk}` } });
    expect(notice.status).toBe(200);
    expect(await notice.text()).toContain('2026-03-05');
    expect((await h.api('PUT', '/hall/settings', { token: s.admin, body: settings })).status).toBe(200);
  });
});

describe('a rating the agent took', () => {
  const rating = (requestId: string, seq: number, ratedAt: Date) =>
    laterRecord(requestId, seq, 'rating', { stage: 'accept', level: 2, comment: '等待时间长', ratedAt: ratedAt.toISOString() });
  const COMPLETE = [{ name: '居民身份证', originals: 1, copies: 1, scans: [] }, { name: '户口簿', originals: 1, copies: 0, scans: [] }];
  /** An agent case accepted now, then the hall's clock moved on by `laterMs`. */
  const acceptedThenLater = async (requestId: string, laterMs: number) => {
    const caseId = await agentCase(requestId, COMPLETE, []);
    expect((await act(caseId, { action: 'accept' })).status).toBe(200);
    const acceptedAt = Date.parse((h.db.prepare('SELECT accepted_at FROM cases WHERE id = ?').get(caseId) as { accepted_at: string }).accepted_at);
    h.clock.advance(laterMs);
    await s.relogin();
    return { caseId, acceptedAt };
  };

  it('is held to the stage period (ratings.caseStageDays, judged when the villager rated): late, it is refused with agent_rating_too_late and nothing is stored', async () => {
    const late = randomUUID();
    // Rated at the village two days after the 7-day period, sent a day later.
    const { caseId: lateCase, acceptedAt } = await acceptedThenLater(late, 10 * DAY);
    const refused = await sendBatch(h, v.node, [rating(late, 3, new Date(acceptedAt + 9 * DAY))]);
    expect(refused.body.results).toEqual([expect.objectContaining({ status: 'rejected', reason: 'agent_rating_too_late' })]);
    expect(h.db.prepare('SELECT count(*) AS n FROM ratings WHERE case_id = ?').get(lateCase)).toEqual({ n: 0 });
    expect(h.db.prepare('SELECT count(*) AS n FROM agent_ratings a JOIN agent_requests r ON r.id = a.agent_request_id WHERE r.request_id = ?').get(late)).toEqual({ n: 0 });
  });

  it('is taken when the villager rated inside the period, however late the node could send it; a second rating of the stage is refused', async () => {
    const inTime = randomUUID();
    // Rated on day 6 at the village; the node was offline and sends it on day 12.
    const { caseId, acceptedAt } = await acceptedThenLater(inTime, 12 * DAY);
    const taken = await sendBatch(h, v.node, [rating(inTime, 3, new Date(acceptedAt + 6 * DAY))]);
    expect(taken.body.results).toEqual([expect.objectContaining({ status: 'accepted' })]);
    expect(h.db.prepare('SELECT channel, stage, level FROM ratings WHERE case_id = ?').all(caseId)).toEqual([{ channel: 'agent', stage: 'accepted', level: 2 }]);
    const again = await sendBatch(h, v.node, [rating(inTime, 4, new Date(acceptedAt + 6 * DAY))]);
    expect(again.body.results).toEqual([expect.objectContaining({ status: 'rejected', reason: 'agent_rating_taken' })]);
  });

  it('is refused with agent_rating_stage before the case reached the stage', async () => {
    const early = randomUUID();
    await agentCase(early, COMPLETE, []);
    const res = await sendBatch(h, v.node, [rating(early, 3, h.clock.now())]);
    expect(res.body.results).toEqual([expect.objectContaining({ status: 'rejected', reason: 'agent_rating_stage' })]);
  });
});
