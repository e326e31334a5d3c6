// A window never stays taken by a clerk who is gone: logging out or being disabled frees it (its
// called ticket back to the queue, first in line by its arrival time), and a supervisor or admin can
// free any window, audited. Over real HTTP on a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
beforeAll(async () => {
  h = await startHall();
  // Window 1 serves A, window 2 serves A and B; a third window for A.
  q = await setupQueue(h, 3, [['A'], ['A', 'B'], ['A']]);
});
afterAll(() => h.close());

const take = async (categoryCode: string) => (await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode } })).body as { id: number; number: string };
const ticket = (id: number) => h.db.prepare('SELECT status, window_id, called_at, call_count, arrived_at FROM tickets WHERE id = ?').get(id) as Record<string, unknown>;
const windowRow = (id: number) => h.db.prepare('SELECT status, clerk_id FROM windows WHERE id = ?').get(id) as { status: string; clerk_id: number | null };
const releases = () =>
  (h.db.prepare("SELECT actor_name, entity_id, detail FROM audit_log WHERE action = 'window-release' ORDER BY id").all() as Array<{ actor_name: string; entity_id: string; detail: string }>).map((r) => ({
    by: r.actor_name,
    window: Number(r.entity_id),
    ...(JSON.parse(r.detail) as Record<string, unknown>),
  }));
/** Drains the waiting tickets so each test starts with an empty queue. */
const cancelWaiting = () => h.db.prepare("UPDATE tickets SET status = 'cancelled', finished_at = 'x' WHERE status = 'waiting'").run();

describe('a clerk who logs out', () => {
  it('frees the window and puts the called ticket back at the head of its queue', async () => {
    const [w1, w2] = [q.windows[0]!, q.windows[1]!];
    const first = await take('A');
    h.clock.advance(60_000);
    const later = await take('A');
    const called = await h.api('POST', `/windows/${w1.id}/call-next`, { token: w1.clerk });
    expect(called.body.ticket.number).toBe(first.number);
    const arrived = ticket(first.id).arrived_at;

    expect((await h.api('POST', '/auth/logout', { token: w1.clerk })).status).toBeLessThan(300);

    expect(windowRow(w1.id)).toEqual({ status: 'closed', clerk_id: null });
    expect(ticket(first.id)).toMatchObject({ status: 'waiting', window_id: null, called_at: null, call_count: 0, arrived_at: arrived });
    expect(releases().at(-1)).toMatchObject({ by: 'system', window: w1.id, reason: 'logged_out', returnedTicket: { id: first.id, number: first.number, was: 'called' } });
    // The next window to call gets the returned citizen before the one who came later.
    const next = await h.api('POST', `/windows/${w2.id}/call-next`, { token: w2.clerk });
    expect(next.body.ticket).toMatchObject({ id: first.id, status: 'called', windowNumber: 2 });
    expect(ticket(later.id).status).toBe('waiting');
    // Another clerk may now take window 1.
    const other = await h.userToken('clerk', 'counter9');
    expect((await h.api('POST', `/windows/${w1.id}/sign-in`, { token: other })).status).toBe(200);
    q.windows[0] = { ...w1, clerk: other };
    await h.api('POST', `/queue/tickets/${first.id}/start`, { token: w2.clerk });
    await h.api('POST', `/queue/tickets/${first.id}/complete`, { token: w2.clerk });
    cancelWaiting();
  });
});

describe('a clerk who is disabled', () => {
  it('frees the window (a serving ticket too) in the same call that ends the sessions', async () => {
    const w3 = q.windows[2]!;
    const t = await take('A');
    await h.api('POST', `/windows/${w3.id}/call-next`, { token: w3.clerk });
    await h.api('POST', `/queue/tickets/${t.id}/start`, { token: w3.clerk });
    const clerkId = windowRow(w3.id).clerk_id!;
    const res = await h.api('PATCH', `/users/${clerkId}`, { token: q.admin, body: { active: false } });
    expect(res.status).toBe(200);
    expect(windowRow(w3.id)).toEqual({ status: 'closed', clerk_id: null });
    expect(ticket(t.id)).toMatchObject({ status: 'waiting', window_id: null });
    expect(releases().at(-1)).toMatchObject({ window: w3.id, reason: 'user_disabled', returnedTicket: { id: t.id, was: 'serving' } });
    cancelWaiting();
  });
});

describe('a supervisor or admin releasing a window', () => {
  it('frees a window whose PC died, audited with who did it; refused to clerks and for a free window', async () => {
    const w2 = q.windows[1]!;
    const t = await take('B');
    await h.api('POST', `/windows/${w2.id}/call-next`, { token: w2.clerk });
    // Another clerk cannot take it while it is held.
    const stranger = await h.userToken('clerk', 'counter8');
    expect((await h.api('POST', `/windows/${w2.id}/sign-in`, { token: stranger })).status).toBe(409);
    expect((await h.api('POST', `/windows/${w2.id}/release`, { token: stranger })).status).toBe(403);

    const supervisor = await h.userToken('supervisor', 'lead1');
    const before = releases().length;
    const res = await h.api('POST', `/windows/${w2.id}/release`, { token: supervisor });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: w2.id, status: 'closed', clerk: null });
    expect(ticket(t.id)).toMatchObject({ status: 'waiting', window_id: null });
    expect(releases()).toHaveLength(before + 1);
    expect(releases().at(-1)).toMatchObject({ by: 'lead1', window: w2.id, reason: 'released', clerk: { name: 'counter2' }, returnedTicket: { id: t.id, was: 'called' } });
    expect((await h.api('POST', `/windows/${w2.id}/sign-in`, { token: stranger })).status).toBe(200);

    // Nobody holds window 3 any more: nothing to release, nothing written.
    const again = await h.api('POST', `/windows/${q.windows[2]!.id}/release`, { token: q.admin });
    expect(again.status).toBe(409);
    expect(releases()).toHaveLength(before + 1);
  });
});
