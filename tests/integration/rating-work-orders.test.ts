// Issue 10 part 1: every bad rating opens a work order in the rating's transaction; the lead records
// the call-back and the rectification and closes it (the county gets `rating-followup`); the rated
// clerk appeals and the supervisor reviews; the citizen adds one 追评 at the kiosk. Refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { addItems, ALL_PROVIDED, PERSON } from './support/cases.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
let lead: string;
let otherClerk: string;
let backoffice: string;

beforeAll(async () => {
  h = await startHall();
  addItems(h);
  q = await setupQueue(h, 1, [['A']]);
  lead = await h.userToken('supervisor', 'lead1');
  otherClerk = await h.userToken('clerk', 'other-clerk');
  backoffice = await h.userToken('backoffice', 'review-w');
});
afterAll(() => h.close());

const w1 = () => q.windows[0]!;
const stored = () => JSON.stringify({ orders: h.db.prepare('SELECT * FROM rating_work_orders ORDER BY id').all(), outbox: h.db.prepare('SELECT kind, payload FROM outbox ORDER BY id').all() });

/** A ticket served at window 1 and rated at its pad; returns the rating. */
async function ratedTicket(level: number): Promise<{ id: number }> {
  const id = (await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } })).body.id;
  expect((await h.api('POST', `/windows/${w1().id}/call-next`, { token: w1().clerk })).body.ticket.id).toBe(id);
  expect((await h.api('POST', `/queue/tickets/${id}/start`, { token: w1().clerk })).status).toBe(200);
  expect((await h.api('POST', `/queue/tickets/${id}/complete`, { token: w1().clerk })).status).toBe(200);
  const res = await h.api('POST', '/ratings', { token: q.rating.token, body: { ticketId: id, level, comment: level <= 2 ? '等太久了' : undefined } });
  expect(res.status).toBe(201);
  return res.body;
}

const orderOf = async (ratingId: number) => (await h.api('GET', '/work-orders?view=all', { token: lead })).body.orders.find((o: { ratingId: number }) => o.ratingId === ratingId);
const post = (id: number, step: string, token: string, body: unknown) => h.api('POST', `/work-orders/${id}/${step}`, { token, body });
const CALLBACK = { contacted: true, method: 'phone', answer: '群众表示理解' };
/** A call-back made a minute ago (a time in the future is refused). */
const callbackNow = () => ({ ...CALLBACK, contactAt: new Date(h.clock.now().getTime() - 60_000).toISOString() });

describe('a bad rating opens its work order; the lead closes it', () => {
  it('levels 3–5 open nothing; a level 1 opens one with due days in working days', async () => {
    await ratedTicket(4);
    expect(h.db.prepare('SELECT count(*) AS n FROM rating_work_orders').get()).toEqual({ n: 0 });
    const r = await ratedTicket(1);
    const o = await orderOf(r.id);
    // 2026-03-02 is a Monday: call back by Tuesday, rectify by the next Monday (5 working days).
    expect(o).toMatchObject({ state: 'open', level: 1, callbackDue: '2026-03-03', rectifyDue: '2026-03-09', realName: false, warning: 'none', clerkName: 'counter1', windowNumber: 1 });
    const audit = h.db.prepare("SELECT action FROM audit_log WHERE entity = 'rating-work-order' AND entity_id = ?").all(String(o.id));
    expect(audit).toEqual([{ action: 'work-order-open' }]);
  });

  it('the steps in order, each audited; closing sends rating-followup to the county', async () => {
    const r = await ratedTicket(2);
    const o = await orderOf(r.id);
    // Close before the call-back, a clerk taking a lead's step, a bad method: refused, nothing changes.
    const before = stored();
    expect((await post(o.id, 'close', lead, { outcome: 'answered' })).status).toBe(422);
    expect((await post(o.id, 'callback', w1().clerk, callbackNow())).status).toBe(403);
    const bad = await post(o.id, 'callback', lead, { ...callbackNow(), method: 'pigeon' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('method');
    expect(stored()).toBe(before);

    expect((await post(o.id, 'callback', lead, callbackNow())).body.state).toBe('called-back');
    expect((await post(o.id, 'callback', lead, callbackNow())).status).toBe(409);
    expect((await post(o.id, 'close', lead, { outcome: 'rectified' })).status).toBe(422);
    expect((await post(o.id, 'rectification', lead, { found: '高峰时段只开一个窗口', done: '高峰时段增开窗口' })).body.state).toBe('rectified');
    const closed = await post(o.id, 'close', lead, { outcome: 'rectified' });
    expect(closed.body).toMatchObject({ state: 'closed', closed: { outcome: 'rectified', by: 'lead1' }, callback: { contacted: true, method: 'phone' } });
    expect((await post(o.id, 'rectification', lead, { found: 'x', done: 'y' })).status).toBe(409);

    const actions = h.db.prepare("SELECT action, state_before AS b, state_after AS a FROM audit_log WHERE entity = 'rating-work-order' AND entity_id = ? ORDER BY id").all(String(o.id));
    expect(actions).toEqual([
      { action: 'work-order-open', b: null, a: 'open' },
      { action: 'work-order-callback', b: 'open', a: 'called-back' },
      { action: 'work-order-rectify', b: 'called-back', a: 'rectified' },
      { action: 'work-order-close', b: 'rectified', a: 'closed' },
    ]);
    const records = h.db.prepare("SELECT payload FROM outbox WHERE kind = 'rating-followup'").all() as Array<{ payload: string }>;
    expect(records.map((x) => JSON.parse(x.payload))).toEqual([
      expect.objectContaining({ workOrderId: o.id, ratingId: r.id, outcome: 'rectified', rectification: { found: '高峰时段只开一个窗口', done: '高峰时段增开窗口' } }),
    ]);
  });

  it('the clerk sees only their own orders; another clerk sees none and cannot appeal', async () => {
    const mine = (await h.api('GET', '/work-orders', { token: w1().clerk })).body.orders;
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect((await h.api('GET', '/work-orders', { token: otherClerk })).body.orders).toEqual([]);
    expect((await h.api('GET', `/work-orders/${mine[0].id}`, { token: otherClerk })).status).toBe(404);
    expect((await h.api('GET', '/work-orders', { token: q.kiosk })).status).toBe(403);
  });
});

describe('appeal and review', () => {
  it('an upheld appeal closes the order as appeal-upheld and keeps the rating', async () => {
    const r = await ratedTicket(1);
    const o = await orderOf(r.id);
    const before = stored();
    expect((await post(o.id, 'appeal', otherClerk, { reason: '不是我办理的业务' })).status).toBe(403);
    expect((await post(o.id, 'review', lead, { decision: 'upheld', reason: '查看录像' })).status).toBe(422);
    expect(stored()).toBe(before);
    expect((await post(o.id, 'appeal', w1().clerk, { reason: '群众对政策不满，非服务问题' })).status).toBe(200);
    expect((await post(o.id, 'appeal', w1().clerk, { reason: '再次申诉一下' })).status).toBe(409);
    // The appeal blocks closing until it is reviewed.
    await post(o.id, 'callback', lead, callbackNow());
    expect((await post(o.id, 'close', lead, { outcome: 'answered' })).status).toBe(422);
    const reviewed = await post(o.id, 'review', lead, { decision: 'upheld', reason: '经核实为政策性诉求' });
    expect(reviewed.body).toMatchObject({ state: 'closed', closed: { outcome: 'appeal-upheld' }, appeal: { decision: 'upheld', decidedBy: 'lead1' } });
    expect(h.db.prepare('SELECT level FROM ratings WHERE id = ?').get(r.id)).toEqual({ level: 1 });
  });

  it('a rejected appeal lets the order run on to its close', async () => {
    const r = await ratedTicket(2);
    const o = await orderOf(r.id);
    await post(o.id, 'appeal', w1().clerk, { reason: '我认为评价不客观' });
    expect((await post(o.id, 'review', lead, { decision: 'rejected', reason: '服务确有不足' })).body.state).toBe('open');
    await post(o.id, 'callback', lead, callbackNow());
    expect((await post(o.id, 'close', lead, { outcome: 'answered' })).body.closed.outcome).toBe('answered');
  });
});

describe('a case rating: real-name, and the citizen’s one 追评 at the kiosk', () => {
  it('follow-up after the call-back, once; the closed record carries it', async () => {
    const clerk = w1().clerk;
    const created = await h.api('POST', '/cases', { token: clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED, channel: 'window' } });
    expect(created.status).toBe(201);
    const c = { id: created.body.id, caseNo: created.body.caseNo, password: created.body.queryPassword };
    expect((await h.api('POST', `/cases/${c.id}/actions`, { token: clerk, body: { action: 'accept' } })).status).toBe(200);
    const creds = { caseNo: c.caseNo, password: c.password };
    const rated = await h.api('POST', '/ratings', { token: q.kiosk, body: { case: { ...creds, stage: 'accepted' }, level: 2 } });
    expect(rated.status).toBe(201);
    const o = await orderOf(rated.body.id);
    expect(o.realName).toBe(true);
    // The kiosk's lookup offers the 追评 only between the call-back and the follow-up.
    const offered = async () => (await h.api('POST', '/cases/lookup', { token: q.kiosk, body: creds })).body.followupOpen;
    expect(await offered()).toBe(false);
    expect((await h.api('POST', '/ratings/followup', { token: q.kiosk, body: { case: creds, level: 4 } })).status).toBe(422);
    expect((await h.api('POST', '/ratings/followup', { token: lead, body: { case: creds, level: 4 } })).status).toBe(403);
    await post(o.id, 'callback', lead, callbackNow());
    expect(await offered()).toBe(true);
    expect((await h.api('POST', '/ratings/followup', { token: q.kiosk, body: { case: creds, level: 4, comment: '已解决' } })).status).toBe(201);
    expect(await offered()).toBe(false);
    expect((await h.api('POST', '/ratings/followup', { token: q.kiosk, body: { case: creds, level: 5 } })).status).toBe(409);
    expect((await orderOf(rated.body.id)).followup).toMatchObject({ level: 4, comment: '已解决' });
    await post(o.id, 'close', lead, { outcome: 'answered' });
    const record = h.db.prepare("SELECT payload FROM outbox WHERE kind = 'rating-followup' ORDER BY id DESC LIMIT 1").get() as { payload: string };
    expect(JSON.parse(record.payload)).toMatchObject({ workOrderId: o.id, outcome: 'answered', followupLevel: 4 });
    expect(backoffice).toBeTruthy();
  });
});
