// The queue's guarantees (issue 3): one ticket to exactly one window, one active ticket per window
// enforced by the database, and every illegal action refused with 409 changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

describe('20 counters racing call-next over 300 tickets', () => {
  let h: TestHall;
  let q: QueueFixture;
  beforeAll(async () => {
    h = await startHall();
    q = await setupQueue(h, 20, [['A', 'B'], ['B', 'A'], ['A']]);
  });
  afterAll(() => h.close());

  it('gives every ticket to exactly one window, and no window two at once', async () => {
    const issued = await Promise.all(
      Array.from({ length: 300 }, (_, i) => h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: i % 3 === 0 ? 'B' : 'A' } })),
    );
    expect(issued.every((r) => r.status === 201)).toBe(true);
    expect(new Set(issued.map((r) => r.body.number)).size).toBe(300);

    const calledBy = new Map<number, number[]>();
    // Each counter calls, starts and completes as fast as it can, all at once, until the queue is empty.
    await Promise.all(
      q.windows.map(async (w) => {
        for (;;) {
          const res = await h.api('POST', `/windows/${w.id}/call-next`, { token: w.clerk });
          expect(res.status).toBe(200);
          const t = res.body.ticket;
          if (!t) return;
          calledBy.set(t.id, [...(calledBy.get(t.id) ?? []), w.id]);
          expect((await h.api('POST', `/queue/tickets/${t.id}/start`, { token: w.clerk })).status).toBe(200);
          expect((await h.api('POST', `/queue/tickets/${t.id}/complete`, { token: w.clerk })).status).toBe(200);
        }
      }),
    );
    expect(calledBy.size).toBe(300);
    for (const windows of calledBy.values()) expect(windows).toHaveLength(1);
    const calls = h.db.prepare("SELECT entity_id, count(*) n FROM audit_log WHERE action = 'ticket-call' GROUP BY entity_id HAVING n > 1").all();
    expect(calls).toEqual([]);
    expect(h.db.prepare("SELECT count(*) FROM tickets WHERE status = 'done'").pluck().get()).toBe(300);
    // More than one window did the work.
    expect(new Set([...calledBy.values()].flat()).size).toBeGreaterThan(10);
  });

  it('refuses a second active ticket on one window in the database itself', () => {
    const w = q.windows[0]!.id;
    const insert = (status: string) =>
      h.db
        .prepare(
          `INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at, window_id)
           VALUES ('2026-03-02', 1, NULL, 'X', ?, '2026-03-02T01:00:00Z', '2026-03-02T01:00:00Z', ?)`,
        )
        .run(status, w);
    insert('called');
    expect(() => insert('serving')).toThrow(/UNIQUE/);
    expect(() => insert('called')).toThrow(/UNIQUE/);
    h.db.prepare("UPDATE tickets SET status = 'done', finished_at = '2026-03-02T01:01:00Z' WHERE number = 'X'").run();
  });

  it('never reuses a number within a category and day, even when asked directly', () => {
    expect(() =>
      h.db
        .prepare(`INSERT INTO tickets (business_day, category_id, seq, number, status, arrived_at, issued_at) VALUES ('2026-03-02', 1, 1, 'A001', 'waiting', 'x', 'x')`)
        .run(),
    ).toThrow(/UNIQUE/);
  });
});

describe('illegal ticket actions', () => {
  let h: TestHall;
  let q: QueueFixture;
  beforeAll(async () => {
    h = await startHall();
    q = await setupQueue(h, 2, [['A'], ['A']]);
  });
  afterAll(() => h.close());

  /** Everything a refused action could have touched. */
  const snapshot = () =>
    JSON.stringify([
      h.db.prepare('SELECT * FROM tickets ORDER BY id').all(),
      h.db.prepare('SELECT * FROM windows ORDER BY id').all(),
      h.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
    ]);

  async function expectRefused(method: string, url: string, token: string, body?: unknown) {
    const before = snapshot();
    const res = await h.api(method, url, { token, body });
    expect({ url, status: res.status }).toEqual({ url, status: 409 });
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).not.toMatch(/^errors\./);
    expect(snapshot()).toBe(before);
  }

  const ticket = async () => (await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } })).body.id as number;

  it('every action from every state it does not start from', async () => {
    const [w1] = q.windows as [QueueFixture['windows'][number]];
    const waiting = await ticket();
    for (const action of ['recall', 'no-show', 'start', 'complete']) await expectRefused('POST', `/queue/tickets/${waiting}/${action}`, w1.clerk);
    await expectRefused('POST', `/queue/tickets/${waiting}/transfer`, w1.clerk, { categoryCode: 'A' });

    const called = (await h.api('POST', `/windows/${w1.id}/call-next`, { token: w1.clerk })).body.ticket.id;
    await expectRefused('POST', `/queue/tickets/${called}/complete`, w1.clerk);
    // A window with a called ticket is busy: no second call.
    await expectRefused('POST', `/windows/${w1.id}/call-next`, w1.clerk);

    await h.api('POST', `/queue/tickets/${called}/start`, { token: w1.clerk });
    for (const action of ['recall', 'no-show', 'start', 'cancel']) await expectRefused('POST', `/queue/tickets/${called}/${action}`, w1.clerk);

    await h.api('POST', `/queue/tickets/${called}/complete`, { token: w1.clerk });
    for (const action of ['recall', 'no-show', 'start', 'complete', 'cancel']) await expectRefused('POST', `/queue/tickets/${called}/${action}`, w1.clerk);
    await expectRefused('POST', `/queue/tickets/${called}/transfer`, w1.clerk, { categoryCode: 'A' });
  });

  it('calling at a paused window', async () => {
    const [w1] = q.windows as [QueueFixture['windows'][number]];
    await ticket();
    expect((await h.api('POST', `/windows/${w1.id}/pause`, { token: w1.clerk })).body.status).toBe('paused');
    await expectRefused('POST', `/windows/${w1.id}/call-next`, w1.clerk);
    await expectRefused('POST', `/windows/${w1.id}/pause`, w1.clerk);
    expect((await h.api('POST', `/windows/${w1.id}/resume`, { token: w1.clerk })).body.status).toBe('open');
  });

  it("acting on another window's ticket, or calling at another clerk's window", async () => {
    const [w1, w2] = q.windows as [QueueFixture['windows'][number], QueueFixture['windows'][number]];
    const t = (await h.api('POST', `/windows/${w1.id}/call-next`, { token: w1.clerk })).body.ticket.id;
    for (const action of ['recall', 'no-show', 'start', 'cancel']) await expectRefused('POST', `/queue/tickets/${t}/${action}`, w2.clerk);
    await expectRefused('POST', `/windows/${w1.id}/call-next`, w2.clerk);
    await expectRefused('POST', `/windows/${w1.id}/sign-in`, w2.clerk);
    // Leaving a window that holds a ticket is refused too.
    await expectRefused('POST', `/windows/${w1.id}/sign-out`, w1.clerk);
  });

  it('a rating for a ticket not yet finished, or from the pad of another window', async () => {
    const waiting = await ticket();
    const before = snapshot();
    expect((await h.api('POST', '/ratings', { token: q.rating.token, body: { ticketId: waiting, level: 5 } })).status).toBe(409);
    expect(snapshot()).toBe(before);
  });
});
