// Issue 8 point 4: only the citizen rates (DOMAIN §3). Every kind of caller × ticket / case × stage ×
// inside / after the period × a repeat. Only the rating pad of the window that served a finished
// ticket, and the kiosk holding a case's number and query password for a stage the case has reached,
// get a 201; every refusal leaves the ratings table and the outbox exactly as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';
import { addItems, ALL_PROVIDED, PERSON } from './support/cases.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

const CALLERS = ['anonymous', 'admin', 'clerk', 'backoffice', 'agent', 'supervisor', 'kiosk', 'display', 'counter', 'pad', 'otherPad'] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

/** What the route itself answers every caller that is not a citizen's terminal. */
const NOT_A_CITIZEN = { anonymous: 401, admin: 403, clerk: 403, backoffice: 403, agent: 403, supervisor: 403, display: 403, counter: 403 } as const;
/** A ticket: the kiosk never rates one; the pads answer as the scenario says. */
const ticketTable = (pad: number, otherPad: number): Expected => ({ ...NOT_A_CITIZEN, kiosk: 403, pad, otherPad });
/** A case: no pad rates one; the kiosk answers as the scenario says. */
const caseTable = (kiosk: number): Expected => ({ ...NOT_A_CITIZEN, kiosk, pad: 403, otherPad: 403 });

const RATING_MINUTES = 10;
const STAGE_DAYS = 7;
const MINUTE = 60_000;
const DAY = 86_400_000;

let h: TestHall;
let q: QueueFixture;
const tokens = {} as Record<Caller, string | undefined>;
let otherPadId = 0;

/** Sessions last a working day; the case scenarios move the clock by a week. */
async function loginStaff(): Promise<void> {
  tokens.admin = await h.login('admin', ADMIN_PASSWORD);
  tokens.clerk = await h.login('counter1', 'password-clerk');
  for (const role of ['backoffice', 'agent', 'supervisor'] as const) tokens[role] = await h.login(`${role}-r`, `password-${role}`);
}

beforeAll(async () => {
  h = await startHall();
  addItems(h);
  q = await setupQueue(h, 2, [['A'], ['B']]);
  for (const role of ['backoffice', 'agent', 'supervisor'] as const) await h.userToken(role, `${role}-r`);
  await loginStaff();
  tokens.anonymous = undefined;
  tokens.kiosk = q.kiosk;
  tokens.pad = q.rating.token;
  for (const kind of ['display', 'counter'] as const) tokens[kind] = (await h.api('POST', '/devices', { token: q.admin, body: { name: `测试${kind}`, kind } })).body.token;
  const other = (await h.api('POST', '/devices', { token: q.admin, body: { name: '2号窗口评价器', kind: 'rating' } })).body;
  otherPadId = other.id;
  tokens.otherPad = other.token;
  expect((await h.api('PUT', `/windows/${q.windows[1]!.id}`, { token: q.admin, body: { ratingDeviceId: otherPadId } })).status).toBe(200);
});
afterAll(() => h.close());

/** Every rating and every outbox record, as stored. */
const stored = () => JSON.stringify({ ratings: h.db.prepare('SELECT * FROM ratings ORDER BY id').all(), outbox: h.db.prepare('SELECT record_id, kind, payload FROM outbox ORDER BY id').all() });
const rate = (caller: Caller, body: unknown) => h.api('POST', '/ratings', { token: tokens[caller], body });

/**
 * Each refused caller first, each refusal checked to change nothing; then the one caller expected to
 * succeed, if any, and its repeat, refused with 409 and changing nothing. Returns the stored rating.
 */
async function expectOnly(body: unknown, expected: Expected): Promise<any> {
  for (const caller of CALLERS) {
    if (expected[caller] === 201) continue;
    const before = stored();
    const res = await rate(caller, body);
    expect({ caller, status: res.status }).toEqual({ caller, status: expected[caller] });
    expect(res.body.error.code).toBeTypeOf('string');
    expect(stored(), `${caller} changed nothing`).toBe(before);
  }
  const winners = CALLERS.filter((c) => expected[c] === 201);
  expect(winners.length).toBeLessThanOrEqual(1);
  if (winners.length === 0) return null;
  const winner = winners[0]!;
  const ratingsBefore = h.db.prepare('SELECT count(*) AS n FROM ratings').get() as { n: number };
  const outboxBefore = h.db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'rating'").get() as { n: number };
  const res = await rate(winner, body);
  expect({ caller: winner, status: res.status, body: res.body }).toMatchObject({ caller: winner, status: 201 });
  expect((h.db.prepare('SELECT count(*) AS n FROM ratings').get() as { n: number }).n).toBe(ratingsBefore.n + 1);
  expect((h.db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'rating'").get() as { n: number }).n).toBe(outboxBefore.n + 1);
  const before = stored();
  const again = await rate(winner, body);
  expect({ repeat: winner, status: again.status }).toEqual({ repeat: winner, status: 409 });
  expect(stored()).toBe(before);
  return res.body;
}

const outboxPayload = (ratingId: number) =>
  JSON.parse((h.db.prepare("SELECT payload FROM outbox WHERE kind = 'rating' AND json_extract(payload, '$.ratingId') = ?").get(ratingId) as { payload: string }).payload);

describe('a ticket: only the pad of the window that served it, within the rating window, once', () => {
  const w1 = () => q.windows[0]!;
  const w2 = () => q.windows[1]!;
  const issue = async (categoryCode: string): Promise<number> => (await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode } })).body.id;
  const act = (id: number, action: string, clerk: string) => h.api('POST', `/queue/tickets/${id}/${action}`, { token: clerk });
  async function served(window: { id: number; clerk: string }, categoryCode: string): Promise<number> {
    const id = await issue(categoryCode);
    expect((await h.api('POST', `/windows/${window.id}/call-next`, { token: window.clerk })).body.ticket.id).toBe(id);
    expect((await act(id, 'start', window.clerk)).status).toBe(200);
    expect((await act(id, 'complete', window.clerk)).status).toBe(200);
    return id;
  }

  it('waiting, then being served: nobody may rate it yet', async () => {
    const id = await issue('A');
    await expectOnly({ ticketId: id, level: 5 }, ticketTable(409, 409));
    await h.api('POST', `/windows/${w1().id}/call-next`, { token: w1().clerk });
    await expectOnly({ ticketId: id, level: 5 }, ticketTable(409, 409));
    await act(id, 'start', w1().clerk);
    await expectOnly({ ticketId: id, level: 5 }, ticketTable(409, 409));
    await act(id, 'complete', w1().clerk);
  });

  it('finished, inside the window: the pad beside it, never the clerk who served it, the kiosk or another pad', async () => {
    const id = await served(w1(), 'A');
    const rating = await expectOnly({ ticketId: id, level: 5, indicators: { attitude: 5 } }, ticketTable(201, 403));
    expect(rating).toMatchObject({ ticketId: id, caseId: null, stage: null, channel: 'pad', windowNumber: 1, clerkName: 'counter1' });
    const row = h.db.prepare('SELECT channel, stage, device_id, window_id, clerk_id FROM ratings WHERE id = ?').get(rating.id);
    const clerkId = (h.db.prepare("SELECT id FROM users WHERE username = 'counter1'").get() as { id: number }).id;
    expect(row).toEqual({ channel: 'pad', stage: null, device_id: q.rating.id, window_id: w1().id, clerk_id: clerkId });
    expect(outboxPayload(rating.id)).toMatchObject({ channel: 'pad', stage: null, caseNo: null, staff: { username: 'counter1', windowNumber: 1 } });
  });

  it("another window's ticket belongs to that window's pad", async () => {
    const id = await served(w2(), 'B');
    const rating = await expectOnly({ ticketId: id, level: 2, comment: '等太久' }, ticketTable(403, 201));
    expect(rating).toMatchObject({ channel: 'pad', windowNumber: 2, bad: true });
  });

  it('finished, after the rating window: nobody', async () => {
    const id = await served(w1(), 'A');
    h.clock.advance(RATING_MINUTES * MINUTE + MINUTE);
    await expectOnly({ ticketId: id, level: 4 }, ticketTable(422, 403));
    expect((await h.api('GET', '/ratings/pending', { token: q.rating.token })).body.ticket).toBeNull();
  });

  it('a ticket that does not exist', async () => {
    await expectOnly({ ticketId: 999_999, level: 4 }, ticketTable(404, 404));
  });
});

interface TestCase {
  id: number;
  caseNo: string;
  password: string;
}

describe('a case: only the kiosk with its number and password, per stage reached, within the period, once', () => {
  const act = (id: number, token: string, body: Record<string, unknown>) => h.api('POST', `/cases/${id}/actions`, { token, body });
  async function newCase(stage: 'received' | 'accepted' | 'concluded'): Promise<TestCase> {
    const res = await h.api('POST', '/cases', { token: tokens.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED, channel: 'window' } });
    expect(res.status).toBe(201);
    const c = { id: res.body.id, caseNo: res.body.caseNo, password: res.body.queryPassword };
    if (stage === 'received') return c;
    expect((await act(c.id, tokens.clerk!, { action: 'accept' })).status).toBe(200);
    if (stage === 'accepted') return c;
    const reviewerId = (h.db.prepare("SELECT id FROM users WHERE username = 'backoffice-r'").get() as { id: number }).id;
    expect((await act(c.id, tokens.backoffice!, { action: 'assign', assigneeId: reviewerId })).status).toBe(200);
    expect((await act(c.id, tokens.backoffice!, { action: 'approve' })).status).toBe(200);
    expect((await act(c.id, tokens.backoffice!, { action: 'conclude' })).status).toBe(200);
    return c;
  }
  const body = (c: TestCase, stage: string, level = 5, password = c.password) => ({ case: { caseNo: c.caseNo, password, stage }, level });
  const lookup = async (c: TestCase) => (await h.api('POST', '/cases/lookup', { token: q.kiosk, body: { caseNo: c.caseNo, password: c.password } })).body;
  const wrong = (c: TestCase) => (c.password === '000000' ? '111111' : '000000');

  it('received only: no stage may be rated', async () => {
    const c = await newCase('received');
    expect((await lookup(c)).rateableStages).toEqual([]);
    await expectOnly(body(c, 'accepted'), caseTable(409));
    await expectOnly(body(c, 'concluded'), caseTable(409));
  });

  it('accepted: its acceptance once, not its completion', async () => {
    const c = await newCase('accepted');
    expect((await lookup(c)).rateableStages).toEqual([{ stage: 'accepted', until: new Date(h.clock.now().getTime() + STAGE_DAYS * DAY).toISOString() }]);
    await expectOnly(body(c, 'concluded'), caseTable(409));
    const rating = await expectOnly(body(c, 'accepted', 4), caseTable(201));
    expect(rating).toMatchObject({ ticketId: null, caseId: c.id, stage: 'accepted', channel: 'kiosk', level: 4, clerkName: 'counter1' });
    expect(outboxPayload(rating.id)).toMatchObject({ channel: 'kiosk', stage: 'accepted', caseNo: c.caseNo, caseId: c.id, ticketNumber: null, staff: { username: 'counter1' } });
    expect(JSON.stringify(outboxPayload(rating.id))).not.toContain(c.password);
    expect((await lookup(c)).rateableStages).toEqual([]);
  });

  it('concluded: acceptance and completion, each once; the completion rates who concluded it', async () => {
    const c = await newCase('concluded');
    expect((await lookup(c)).rateableStages.map((s: { stage: string }) => s.stage)).toEqual(['accepted', 'concluded']);
    const done = await expectOnly(body(c, 'concluded', 1), caseTable(201));
    expect(done).toMatchObject({ stage: 'concluded', channel: 'kiosk', bad: true, clerkName: 'backoffice-r' });
    expect((await lookup(c)).rateableStages.map((s: { stage: string }) => s.stage)).toEqual(['accepted']);
    await expectOnly(body(c, 'accepted', 5), caseTable(201));
    const row = h.db.prepare("SELECT count(*) AS n, group_concat(channel) AS channels FROM ratings WHERE case_id = ?").get(c.id);
    expect(row).toEqual({ n: 2, channels: 'kiosk,kiosk' });
  });

  it('a wrong password or a case that does not exist: refused like the lookup, nothing stored', async () => {
    const c = await newCase('accepted');
    const failed = await expectOnly(body(c, 'accepted', 5, wrong(c)), caseTable(404));
    expect(failed).toBeNull();
    const bad = await rate('kiosk', body(c, 'accepted', 5, wrong(c)));
    const unknown = await rate('kiosk', { case: { caseNo: '999999999202603020001', password: '123456', stage: 'accepted' }, level: 5 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(bad.body.error.message);
    // A bare case id, the old way in, is no longer a field; nor may one rating name two things.
    for (const b of [{ caseId: c.id, level: 5 }, { ticketId: 1, ...body(c, 'accepted') }, { level: 5 }, { case: { caseNo: c.caseNo, password: c.password, stage: 'received' }, level: 5 }]) {
      const before = stored();
      const res = await rate('kiosk', b);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation');
      expect(stored()).toBe(before);
    }
    const res = await rate('kiosk', { caseId: c.id, level: 5 });
    expect(res.body.error.details).toContainEqual({ field: 'caseId', code: 'unknown_field' });
  });

  it('inside the period until its last minute, refused after it', async () => {
    const [late, lateDone, lastMinute] = [await newCase('accepted'), await newCase('concluded'), await newCase('accepted')];
    h.clock.advance(STAGE_DAYS * DAY - MINUTE);
    await loginStaff();
    expect((await lookup(lastMinute)).rateableStages.map((s: { stage: string }) => s.stage)).toEqual(['accepted']);
    await expectOnly(body(lastMinute, 'accepted'), caseTable(201));
    h.clock.advance(2 * MINUTE);
    await loginStaff();
    expect((await lookup(late)).rateableStages).toEqual([]);
    expect((await lookup(lateDone)).rateableStages).toEqual([]);
    await expectOnly(body(late, 'accepted'), caseTable(422));
    await expectOnly(body(lateDone, 'accepted'), caseTable(422));
    await expectOnly(body(lateDone, 'concluded'), caseTable(422));
  });
});

describe('the case password is guessed through one limiter, whichever door', () => {
  async function acceptedCase(): Promise<TestCase> {
    const res = await h.api('POST', '/cases', { token: tokens.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED, channel: 'window' } });
    await h.api('POST', `/cases/${res.body.id}/actions`, { token: tokens.clerk, body: { action: 'accept' } });
    return { id: res.body.id, caseNo: res.body.caseNo, password: res.body.queryPassword };
  }
  const wrong = (c: TestCase) => (c.password === '000000' ? '111111' : '000000');
  const viaRating = (c: TestCase, password: string) => rate('kiosk', { case: { caseNo: c.caseNo, password, stage: 'accepted' }, level: 5 });
  const viaLookup = (c: TestCase, password: string) => h.api('POST', '/cases/lookup', { token: q.kiosk, body: { caseNo: c.caseNo, password } });

  /** Wrong guesses through one door until it refuses to judge; how many were judged. */
  async function lockThrough(door: typeof viaRating, c: TestCase): Promise<number> {
    for (let judged = 0; judged < 50; judged++) {
      const res = await door(c, wrong(c));
      if (res.status === 429) return judged;
      expect(res.status).toBe(404);
    }
    throw new Error('never locked');
  }

  it('guesses through the rating lock the lookup, and the right password then rates nothing', async () => {
    const c = await acceptedCase();
    expect(await lockThrough(viaRating, c)).toBeLessThanOrEqual(10);
    expect((await viaLookup(c, c.password)).status).toBe(429);
    const before = stored();
    expect((await viaRating(c, c.password)).status).toBe(429);
    expect(stored()).toBe(before);
  });

  it('guesses through the lookup lock the rating', async () => {
    const c = await acceptedCase();
    expect(await lockThrough(viaLookup, c)).toBeLessThanOrEqual(10);
    const before = stored();
    expect((await viaRating(c, c.password)).status).toBe(429);
    expect(stored()).toBe(before);
  });
});
