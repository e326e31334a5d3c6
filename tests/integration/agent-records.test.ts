// The agent's records on a village node, over a real SQLite file: 委托 → 收件 → 移交 → the hall's
// changes (applied once) → correction and resubmit → delivery, rating, purge; the records the hall
// must receive, in order, and an audit row for every step.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { all, get, sql } from '../../db/sql.js';
import { verifyAudit } from '../../electron/hall/audit/chain.js';
import { HallError } from '../../electron/hall/http/errors.js';
import { listRequests, searchCatalog } from '../../electron/village/agent/agent-lists.js';
import { agentSettings, requestDetail } from '../../electron/village/agent/agent-store.js';
import { applyHallChange } from '../../electron/village/agent/hall-changes.js';
import { handOver } from '../../electron/village/agent/handover-service.js';
import { deliver, purgeConfirmed, rate, resubmit, sideStep } from '../../electron/village/agent/progress-service.js';
import { authorise, collect, saveDraft, saveMaterials } from '../../electron/village/agent/request-service.js';
import { AgentDraft, AuthoriseRequest } from '../../electron/contract/agent-node.js';
import { openAgentNode, outboxOf, VILLAGES, type AgentNode } from './support/agent-node.js';

// Friday 27 Nov 2026, 10:00 in the hall: three working days run Mon 30, Tue 1, Wed 2 Dec.
const FRIDAY = new Date('2026-11-27T02:00:00Z');

function authorised(node: AgentNode, residentId = '11010519491231002X') {
  const id = randomUUID();
  const SIG = node.scan(`signature of ${id}`);
  saveDraft(node.db, node.deps, id, AgentDraft.parse({ applicantName: '王秀英', residentId }));
  authorise(
    node.db,
    node.deps,
    id,
    AuthoriseRequest.parse({
      villageCode: VILLAGES[0]!.code,
      applicantName: '王秀英',
      residentId,
      mobile: '13800138000',
      itemCode: 'T-001',
      itemName: '最低生活保障申请',
      scope: '代为提交低保申请材料并领取结果',
      validFrom: '2026-11-27',
      validUntil: '2027-02-27',
      signature: { kind: 'drawn', sha256: SIG },
    }),
  );
  return id;
}

const threeOfFour = [
  { name: '居民身份证', originals: 1, copies: 1, scans: [] as string[] },
  { name: '户口簿', originals: 1, copies: 0, scans: [] as string[] },
];

describe('agent records on the village node', () => {
  it('keeps drafts, authorises, counts what is missing and queues the request once collected', () => {
    const node = openAgentNode(FRIDAY);
    const id = randomUUID();
    saveDraft(node.db, node.deps, id, AgentDraft.parse({ applicantName: '王' }));
    saveDraft(node.db, node.deps, id, AgentDraft.parse({ applicantName: '王秀英', mobile: '138' }));
    expect(requestDetail(node.db, id, '2026-11-27').draft).toMatchObject({ applicantName: '王秀英', mobile: '138' });
    expect(listRequests(node.db, node.deps, 'drafts').map((r) => r.requestId)).toEqual([id]);

    const bad = AuthoriseRequest.safeParse({ villageCode: '1', residentId: '110105194912310021' });
    expect(bad.success).toBe(false);
    expect(() =>
      authorise(node.db, node.deps, id, { ...AuthoriseRequest.parse({ villageCode: '999999999999', applicantName: '王秀英', residentId: '11010519491231002X', mobile: '13800138000', itemCode: 'T-001', itemName: 'x', scope: 's', validFrom: '2026-11-27', validUntil: '2026-12-27', signature: { kind: 'drawn', sha256: 'a'.repeat(64) } }) }),
    ).toThrow(HallError);

    const a = authorised(node);
    const d = requestDetail(node.db, a, '2026-11-27');
    expect(d.state).toBe('authorised');
    expect(d.handoverDue).toBe('2026-12-02');
    expect(d.materials.map((m) => m.name)).toEqual(['居民身份证', '户口簿', '家庭收入证明', '残疾证']);
    expect(saveMaterials(node.db, node.deps, a, threeOfFour)).toEqual(['家庭收入证明']);
    expect(outboxOf(node.db)).toEqual([]);

    collect(node.db, node.deps, a, { materials: threeOfFour });
    const out = outboxOf(node.db);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'agent-request', request_id: a, seq: 1 });
    expect(out[0]!.payload).toMatchObject({ missing: ['家庭收入证明'], villageCode: VILLAGES[0]!.code, item: { code: 'T-001' } });
    expect(() => collect(node.db, node.deps, a, { materials: [] })).toThrow(HallError);
    expect(outboxOf(node.db)).toHaveLength(1);
  });

  it('warns of an open request for the same villager and item; continuing records the reason', () => {
    const node = openAgentNode(FRIDAY);
    const first = authorised(node);
    collect(node.db, node.deps, first, { materials: threeOfFour });
    const second = authorised(node);
    expect(requestDetail(node.db, second, '2026-11-27').openDuplicates).toEqual([first]);
    let error: unknown;
    try {
      collect(node.db, node.deps, second, { materials: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'conflict', messageKey: 'agent_duplicate_open' });
    expect(requestDetail(node.db, second, '2026-11-27').state).toBe('authorised');
    collect(node.db, node.deps, second, { materials: [], duplicateReason: '上次申请材料丢失，重新办理' });
    expect(outboxOf(node.db)[1]!.payload).toMatchObject({ duplicateReason: '上次申请材料丢失，重新办理' });
    expect(get(node.db, sql`SELECT note FROM audit_log WHERE action = 'agent.collect' AND entity_id = ${second}`)).toEqual({ note: '上次申请材料丢失，重新办理' });
  });

  it('flags a hand-over later than three working days and sends one handover record per request of a batch', () => {
    const node = openAgentNode(FRIDAY);
    const a = authorised(node);
    const b = authorised(node, '320412198001010023');
    collect(node.db, node.deps, a, { materials: threeOfFour });
    collect(node.db, node.deps, b, { materials: threeOfFour });
    node.setNow(new Date('2026-12-02T09:00:00Z'));
    expect(listRequests(node.db, node.deps, 'overdue')).toEqual([]);
    node.setNow(new Date('2026-12-03T01:00:00Z'));
    expect(listRequests(node.db, node.deps, 'overdue').map((r) => r.requestId).sort()).toEqual([a, b].sort());
    const view = handOver(node.db, node.deps, [a, b]);
    expect(view.requests).toHaveLength(2);
    const handovers = outboxOf(node.db).filter((r) => r.kind === 'handover');
    expect(handovers.map((r) => [r.seq, r.payload.batchSize, r.payload.handoverId])).toEqual([
      [2, 2, view.handoverId],
      [2, 2, view.handoverId],
    ]);
    expect(listRequests(node.db, node.deps, 'overdue')).toEqual([]);
    expect(listRequests(node.db, node.deps, 'in-progress').every((r) => r.handoverLate)).toBe(true);
  });

  it('applies each hall change once, shows the exact correction, resubmits, delivers, rates and purges', () => {
    const node = openAgentNode(FRIDAY);
    const a = authorised(node);
    collect(node.db, node.deps, a, { materials: threeOfFour });
    handOver(node.db, node.deps, [a]);
    const change = (kind: string, cursor: string, payload: Record<string, unknown>) =>
      applyHallChange(node.db, node.deps, { requestId: a, kind: kind as never, cursor, payload });
    expect(change('received', '1', { handoverId: null, receivedAt: '2026-11-30T02:00:00Z', receivedBy: 'clerk1', discrepancies: [] })).toBe('applied');
    expect(change('correction', '2', { caseNo: 'C-1', materials: ['家庭收入证明'], note: '请补交', deadline: '2026-12-07' })).toBe('applied');
    const audits = all(node.db, sql`SELECT id FROM audit_log`).length;
    expect(change('correction', '2', { caseNo: 'C-1', materials: ['家庭收入证明'], note: '请补交', deadline: '2026-12-07' })).toBe('already-applied');
    expect(all(node.db, sql`SELECT id FROM audit_log`).length).toBe(audits);
    const d = requestDetail(node.db, a, '2026-11-30');
    expect(d.state).toBe('correction');
    expect(d.hall.correction?.materials).toEqual(['家庭收入证明']);
    expect(listRequests(node.db, node.deps, 'correction').map((r) => r.requestId)).toEqual([a]);

    resubmit(node.db, node.deps, a, { materials: [{ name: '家庭收入证明', originals: 1, copies: 0, scans: [] }], note: '' });
    expect(requestDetail(node.db, a, '2026-11-30').materials.find((m) => m.name === '家庭收入证明')).toMatchObject({ originals: 1, round: 1 });
    expect(change('accepted', '3', { caseNo: 'C-1', acceptedAt: '2026-12-01T02:00:00Z', dueDate: '2026-12-15' })).toBe('applied');
    expect(change('decided', '4', { caseNo: 'C-1', decision: 'approved', decidedAt: '2026-12-03T02:00:00Z' })).toBe('applied');
    expect(listRequests(node.db, node.deps, 'ready').map((r) => r.requestId)).toEqual([a]);
    expect(() => rate(node.db, node.deps, a, { stage: 'conclude', level: 5, comment: '' })).toThrow(HallError);
    deliver(node.db, node.deps, a, { method: 'agent', receiverName: '王秀英', receiverSignature: node.scan('receiver signature') });
    rate(node.db, node.deps, a, { stage: 'accept', level: 5, indicators: { efficiency: 5, skill: 5, attitude: 5 }, comment: '' });
    expect(requestDetail(node.db, a, '2026-12-04').ratings).toEqual([{ stage: 'accept', level: 5, hallRefusal: null }]);
    // The hall refused it (rated after the stage's period): the link sets the record aside with the hall's code, and the request says so.
    node.db.prepare("UPDATE link_outbox SET state = 'rejected', reason = 'agent_rating_too_late' WHERE kind = 'rating' AND request_id = ?").run(a);
    expect(requestDetail(node.db, a, '2026-12-04').ratings).toEqual([{ stage: 'accept', level: 5, hallRefusal: 'agent_rating_too_late' }]);
    expect(outboxOf(node.db).map((r) => [r.kind, r.seq])).toEqual([
      ['agent-request', 1],
      ['handover', 2],
      ['agent-event', 3],
      ['delivery', 4],
      ['rating', 5],
    ]);
    expect(listRequests(node.db, node.deps, 'delivered').map((r) => r.requestId)).toEqual([a]);

    expect(change('delivered-ack', '5', { deliveredAt: '2026-12-04T02:00:00Z' })).toBe('applied');
    node.setNow(new Date('2026-12-20T00:00:00Z'));
    expect(purgeConfirmed(node.db, node.deps)).toBe(0);
    node.setNow(new Date(Date.parse('2026-12-04T02:00:00Z') + (agentSettings(node.db).purgeDays + 1) * 86_400_000));
    expect(purgeConfirmed(node.db, node.deps)).toBe(1);
    expect(all(node.db, sql`SELECT * FROM agent_materials`)).toEqual([]);
    expect(verifyAudit(node.db).ok).toBe(true);
    expect(node.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('suspends, resumes and terminates; only steps after 收件 are sent to the hall', () => {
    const node = openAgentNode(FRIDAY);
    const a = authorised(node);
    sideStep(node.db, node.deps, a, { action: 'suspend', note: '村民外出' });
    expect(outboxOf(node.db)).toEqual([]);
    sideStep(node.db, node.deps, a, { action: 'resume', note: '' });
    expect(requestDetail(node.db, a, '2026-11-27').state).toBe('authorised');
    collect(node.db, node.deps, a, { materials: threeOfFour });
    sideStep(node.db, node.deps, a, { action: 'terminate', note: '村民撤回委托' });
    expect(outboxOf(node.db).map((r) => [r.kind, r.payload.action ?? null])).toEqual([
      ['agent-request', null],
      ['agent-event', 'terminate'],
    ]);
    expect(() => sideStep(node.db, node.deps, a, { action: 'resume', note: '' })).toThrow(HallError);
  });

  it('finds mirrored items offline by characters, pinyin and initials', () => {
    const node = openAgentNode(FRIDAY);
    expect(searchCatalog(node.db, node.deps, '低保').map((i) => i.code)).toEqual(['T-001']);
    expect(searchCatalog(node.db, node.deps, 'huji').map((i) => i.code)).toEqual(['T-002']);
    expect(searchCatalog(node.db, node.deps, 'hjzm').map((i) => i.code)).toEqual(['T-002']);
  });
});
