import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePastDays } from '../../electron/hall/queue/day-end.js';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h);
});
afterAll(() => h.close());

const take = async (body: Record<string, unknown>) => h.api('POST', '/queue/tickets', { token: q.kiosk, body });

describe('a ticket from kiosk to rating', () => {
  it('issues A001, A002 with people ahead and an estimate', async () => {
    const first = await take({ categoryCode: 'A' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 'A001', categoryCode: 'A', categoryName: '社保医保', ahead: 0, estimatedWaitMinutes: 0, businessDay: '2026-03-02' });
    const second = await take({ categoryCode: 'A' });
    expect(second.body).toMatchObject({ number: 'A002', ahead: 1 });
    // 1 ahead × 5 default minutes / 2 open windows serving A
    expect(second.body.estimatedWaitMinutes).toBe(3);
    const state = (await h.api('GET', '/queue/state', { token: q.kiosk })).body;
    expect(state.categories.find((c: { code: string }) => c.code === 'A').waiting).toBe(2);
    // The reply is built from the row the INSERT returned: it says what the stored ticket says.
    const stored = (await h.api('GET', `/queue/tickets/${second.body.id}`, { token: q.windows[0]!.clerk })).body;
    const { id, number, categoryCode, categoryName, priority, businessDay, issuedAt } = second.body;
    expect(stored).toMatchObject({ id, number, categoryCode, categoryName, priority, businessDay, issuedAt, status: 'waiting', windowId: null, windowNumber: null });
  });

  it('calls priority tickets first, then by arrival', async () => {
    const elderly = await take({ categoryCode: 'A', priority: 'elderly' });
    expect(elderly.body).toMatchObject({ number: 'A003', ahead: 0, priority: 'elderly' });
    const call = await h.api('POST', `/windows/${q.windows[0]!.id}/call-next`, { token: q.windows[0]!.clerk });
    expect(call.body.ticket).toMatchObject({ number: 'A003', status: 'called', windowNumber: 1, callCount: 1 });
    const state = (await h.api('GET', '/queue/state', { token: q.kiosk })).body;
    expect(state.calling).toEqual([expect.objectContaining({ number: 'A003', windowNumber: 1 })]);
  });

  it('recall, start with priority confirmed, complete with items, then the pad rates it', async () => {
    const w = q.windows[0]!;
    const id = (await h.api('GET', `/windows/${w.id}/tickets`, { token: w.clerk })).body[0].id;
    expect((await h.api('POST', `/queue/tickets/${id}/recall`, { token: w.clerk })).body.callCount).toBe(2);
    expect((await h.api('POST', `/queue/tickets/${id}/start`, { token: w.clerk, body: { priorityConfirmed: true } })).body).toMatchObject({ status: 'serving', priorityConfirmed: true });
    h.clock.advance(6 * 60_000);
    const done = await h.api('POST', `/queue/tickets/${id}/complete`, { token: w.clerk, body: { itemCodes: ['ITEM-001'] } });
    expect(done.body).toMatchObject({ status: 'done', itemsHandled: ['ITEM-001'] });

    const pending = await h.api('GET', '/ratings/pending', { token: q.rating.token });
    expect(pending.body.ticket).toMatchObject({ id, number: 'A003', windowNumber: 1, clerkName: 'counter1' });
    const rated = await h.api('POST', '/ratings', { token: q.rating.token, body: { ticketId: id, level: 2, indicators: { overall: 2, efficiency: 3, skill: 2, attitude: 1 }, comment: '等太久' } });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ ticketId: id, level: 2, bad: true, windowNumber: 1, clerkName: 'counter1' });
    const row = h.db.prepare('SELECT window_id, clerk_id, device_id FROM ratings WHERE ticket_id = ?').get(id) as Record<string, number>;
    expect(row.window_id).toBe(w.id);
    expect(row.device_id).toBe(q.rating.id);
    expect((await h.api('POST', '/ratings', { token: q.rating.token, body: { ticketId: id, level: 5 } })).status).toBe(409);
    expect((await h.api('GET', '/ratings/pending', { token: q.rating.token })).body.ticket).toBeNull();
  });

  it('transfers to another category keeping number and arrival time', async () => {
    const w = q.windows[1]!; // serves A then B
    const called = (await h.api('POST', `/windows/${w.id}/call-next`, { token: w.clerk })).body.ticket;
    expect(called.number).toBe('A001');
    const moved = await h.api('POST', `/queue/tickets/${called.id}/transfer`, { token: w.clerk, body: { categoryCode: 'B' } });
    expect(moved.status).toBe(200);
    expect(moved.body.from.status).toBe('transferred');
    expect(moved.body.to).toMatchObject({ number: 'A001', categoryCode: 'B', status: 'waiting', arrivedAt: called.arrivedAt, transferredFrom: called.id });
    // A newer B ticket waits behind the transferred one, which arrived earlier.
    const b1 = await take({ categoryCode: 'B' });
    expect(b1.body.number).toBe('B001');
    expect(b1.body.ahead).toBe(1);
  });

  it('transfers to one window: only that window calls it', async () => {
    const [w1, w2] = q.windows as [QueueFixture['windows'][number], QueueFixture['windows'][number]];
    const t = (await h.api('POST', `/windows/${w2.id}/call-next`, { token: w2.clerk })).body.ticket; // A002
    expect(t.number).toBe('A002');
    await h.api('POST', `/queue/tickets/${t.id}/transfer`, { token: w2.clerk, body: { windowId: w1.id } });
    const next2 = (await h.api('POST', `/windows/${w2.id}/call-next`, { token: w2.clerk })).body.ticket;
    expect(next2.number).not.toBe('A002');
    const next1 = (await h.api('POST', `/windows/${w1.id}/call-next`, { token: w1.clerk })).body.ticket;
    expect(next1.number).toBe('A002');
  });

  it('refuses tickets outside business hours with a 422 saying when the hall opens', async () => {
    const settings = (await h.api('GET', '/queue/settings', { token: q.admin })).body;
    await h.api('PUT', '/queue/settings', { token: q.admin, body: { ...settings, periods: [{ open: '08:30', close: '09:00' }] } });
    const res = await take({ categoryCode: 'A' }); // 09:06 in Shanghai
    await h.api('PUT', '/queue/settings', { token: q.admin, body: settings });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('08:30');
  });

  it('stops at the daily limit', async () => {
    await h.api('POST', '/queue/categories', { token: q.admin, body: { code: 'C', name: '不动产', prefix: 'C', dailyLimit: 1 } });
    expect((await take({ categoryCode: 'C' })).status).toBe(201);
    const res = await take({ categoryCode: 'C' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('domain_rule');
    expect((await h.api('GET', '/queue/state', { token: q.kiosk })).body.categories.find((c: { code: string }) => c.code === 'C').soldOut).toBe(true);
  });

  it('checks in an appointment as a confirmed priority ticket, once', async () => {
    const appt = await h.api('POST', '/appointments', { token: q.windows[0]!.clerk, body: { categoryCode: 'B', day: '2026-03-02', name: '欧阳娜娜' } });
    expect(appt.status).toBe(201);
    expect(appt.body.name).toBe('欧阳**');
    const t = await take({ appointmentCode: appt.body.code });
    expect(t.body).toMatchObject({ categoryCode: 'B', priority: 'appointment' });
    // Used and unknown read the same (tests/integration/guess-limits.test.ts).
    expect((await take({ appointmentCode: appt.body.code })).status).toBe(422);
    expect((await take({ appointmentCode: '000000' === appt.body.code ? '000001' : '000000' })).status).toBe(422);
  });
});

describe('day end', () => {
  it('expires open tickets, keeps the figures, and numbers restart the next day', async () => {
    const before = h.db.prepare("SELECT count(*) FROM tickets WHERE business_day = '2026-03-02'").pluck().get() as number;
    h.clock.advance(24 * 3_600_000);
    expect(closePastDays(h.db, h.hall.clock)).toEqual(['2026-03-02']);
    const open = h.db.prepare("SELECT count(*) FROM tickets WHERE business_day = '2026-03-02' AND status IN ('waiting','called','serving')").pluck().get();
    expect(open).toBe(0);
    expect(h.db.prepare("SELECT count(*) FROM tickets WHERE business_day = '2026-03-02'").pluck().get()).toBe(before);
    const admin = await h.login('admin', 'admin-pass-123');
    const figures = await h.api('GET', '/queue/daily?day=2026-03-02', { token: admin });
    const a = figures.body.find((f: { categoryCode: string }) => f.categoryCode === 'A');
    expect(a).toMatchObject({ closed: true, issued: 3, served: 1 });
    expect(a.expired).toBeGreaterThan(0);
    expect(a.avgServiceMinutes).toBe(6);
    // Windows start the day closed: sign in again, then numbers start from 001.
    for (const w of q.windows) await h.api('POST', `/windows/${w.id}/sign-in`, { token: w.clerk });
    expect((await take({ categoryCode: 'A' })).body).toMatchObject({ number: 'A001', businessDay: '2026-03-03' });
    expect(closePastDays(h.db, h.hall.clock)).toEqual([]);
  });
});
