// GET /reports/queue over two days of known tickets, and the report worker pool: it runs beside the
// host's thread, so a long report never holds up call-next; timeouts, back-pressure and close.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePastDays } from '../../electron/hall/queue/day-end.js';
import { createReadPool, ReportError } from '../../electron/hall/reports/read-pool.js';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
const MINUTE = 60_000;

beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h); // window 1 serves A; window 2 serves A then B
});
afterAll(() => h.close());

const take = async (categoryCode: string) => (await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode } })).body;
const at = (i: number) => q.windows[i]!;
const callNext = async (i: number) => {
  const res = await h.api('POST', `/windows/${at(i).id}/call-next`, { token: at(i).clerk });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body.ticket;
};
const act = (i: number, id: number, action: string) => h.api('POST', `/queue/tickets/${id}/${action}`, { token: at(i).clerk });

describe('GET /reports/queue', () => {
  beforeAll(async () => {
    // Day 1, 2026-03-02 from 09:00: A001, A002, B001 arrive together.
    const [a1, a2, b1] = [await take('A'), await take('A'), await take('B')];
    h.clock.advance(4 * MINUTE);
    expect((await callNext(0)).id).toBe(a1.id); // waited 4
    await act(0, a1.id, 'start');
    h.clock.advance(6 * MINUTE);
    await act(0, a1.id, 'complete'); // served in 6
    expect((await callNext(1)).id).toBe(a2.id); // waited 10
    await act(1, a2.id, 'recall'); // 过号 needs a repeated call
    await act(1, a2.id, 'no-show');
    expect((await callNext(1)).id).toBe(b1.id); // waited 10
    await act(1, b1.id, 'start');
    h.clock.advance(3 * MINUTE);
    await act(1, b1.id, 'complete'); // served in 3

    // Day 2: day 1 is closed (as the host does at midnight); yesterday's logins have expired, so the
    // staff log in and the clerks sign in again.
    h.clock.advance(24 * 60 * MINUTE - 13 * MINUTE);
    expect(closePastDays(h.db, h.clock)).toEqual(['2026-03-02']);
    q.admin = await h.login('admin', ADMIN_PASSWORD);
    for (const w of q.windows) {
      w.clerk = await h.login(`counter${w.number}`, 'password-clerk');
      await h.api('POST', `/windows/${w.id}/sign-in`, { token: w.clerk });
    }
    const a1b = await take('A');
    h.clock.advance(2 * MINUTE);
    expect((await callNext(0)).id).toBe(a1b.id); // waited 2
    await act(0, a1b.id, 'start');
    h.clock.advance(5 * MINUTE);
    await act(0, a1b.id, 'complete'); // served in 5
    await take('A'); // still waiting
  });

  it('gives each category per day, per category, and the totals over the range', async () => {
    const supervisor = await h.userToken('supervisor');
    const res = await h.api('GET', '/reports/queue?from=2026-03-01&to=2026-03-03', { token: supervisor });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: '2026-03-01',
      to: '2026-03-03',
      days: [
        { businessDay: '2026-03-02', categoryCode: 'A', categoryName: '社保医保', issued: 2, served: 1, noShow: 1, avgWaitMinutes: 7, avgServiceMinutes: 6 },
        { businessDay: '2026-03-02', categoryCode: 'B', categoryName: '民政救助', issued: 1, served: 1, noShow: 0, avgWaitMinutes: 10, avgServiceMinutes: 3 },
        { businessDay: '2026-03-03', categoryCode: 'A', categoryName: '社保医保', issued: 2, served: 1, noShow: 0, avgWaitMinutes: 2, avgServiceMinutes: 5 },
      ],
      categories: [
        { categoryCode: 'A', categoryName: '社保医保', issued: 4, served: 2, noShow: 1, avgWaitMinutes: 5.3, avgServiceMinutes: 5.5 },
        { categoryCode: 'B', categoryName: '民政救助', issued: 1, served: 1, noShow: 0, avgWaitMinutes: 10, avgServiceMinutes: 3 },
      ],
      totals: { issued: 5, served: 3, noShow: 1, avgWaitMinutes: 6.5, avgServiceMinutes: 4.7 },
    });
  });

  it('keeps to the range, and answers an empty one with zeros', async () => {
    const day2 = await h.api('GET', '/reports/queue?from=2026-03-03&to=2026-03-03', { token: q.admin });
    expect(day2.body.days).toHaveLength(1);
    expect(day2.body.totals).toEqual({ issued: 2, served: 1, noShow: 0, avgWaitMinutes: 2, avgServiceMinutes: 5 });
    const none = await h.api('GET', '/reports/queue?from=2025-01-01&to=2025-01-31', { token: q.admin });
    expect(none.body).toEqual({ from: '2025-01-01', to: '2025-01-31', days: [], categories: [], totals: { issued: 0, served: 0, noShow: 0, avgWaitMinutes: null, avgServiceMinutes: null } });
  });

  it('refuses bad ranges with 400 and other callers with 403', async () => {
    const bad = async (qs: string) => (await h.api('GET', `/reports/queue?${qs}`, { token: q.admin })).body.error;
    expect(await bad('from=2026-03-03&to=2026-03-01')).toMatchObject({ code: 'validation', details: [{ field: 'to', code: 'date_range', params: { max: 366 } }] });
    expect(await bad('from=2025-01-01&to=2026-03-01')).toMatchObject({ details: [{ field: 'to', code: 'date_range' }] });
    expect(await bad('from=2026-02-30&to=2026-03-01')).toMatchObject({ details: [{ field: 'from', code: 'date_format' }] });
    expect(await bad('to=2026-03-01')).toMatchObject({ details: [{ field: 'from', code: 'required' }] });
    expect((await h.api('GET', '/reports/queue?from=2026-03-01&to=2026-03-01', { token: at(0).clerk })).status).toBe(403);
    expect((await h.api('GET', '/reports/queue?from=2026-03-01&to=2026-03-01', { token: q.kiosk })).status).toBe(403);
  });
});

describe('the report worker pool', () => {
  it('runs a long report beside the queue: call-next answers while it is still running', async () => {
    // About 0.7 s of a core (more: workers run at a lower priority), far longer than the round trips below.
    let running = true;
    const slow = h.readPool.run('load-test', { n: 5_000_000 }).finally(() => (running = false));
    const calls: number[] = [];
    for (let i = 0; i < 10; i++) {
      const ticket = await take('A');
      const started = performance.now();
      const called = await callNext(0);
      calls.push(performance.now() - started);
      await act(0, called.id, 'recall');
      await act(0, called.id, 'no-show');
      expect(called.id).toBeLessThanOrEqual(ticket.id);
    }
    expect(running).toBe(true);
    expect(Math.max(...calls)).toBeLessThan(500);
    expect(await slow).toEqual({ n: 5_000_000 });
  });

  it('answers a report that takes too long with a timeout, then carries on with a fresh worker', async () => {
    const pool = createReadPool(path.join(h.dataDir, 'hall.db'), { size: 1, key: h.dbKey });
    try {
      const started = Date.now();
      const error = await pool.run('load-test', { n: 3_000_000 }, { timeoutMs: 100 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReportError);
      expect(error).toMatchObject({ reason: 'timeout', message: 'the report took longer than 100 ms' });
      expect(Date.now() - started).toBeLessThan(400);
      // The next report waits for the old thread to finish its query, then runs on a new thread.
      expect(await pool.run('load-test', { n: 1000 })).toEqual({ n: 1000 });
    } finally {
      await pool.close();
    }
  });

  it('says busy when too many reports wait, fails an unknown report, and refuses after close', async () => {
    const pool = createReadPool(path.join(h.dataDir, 'hall.db'), { size: 1, maxQueued: 1, key: h.dbKey });
    const first = pool.run('load-test', { n: 1_000_000 });
    const second = pool.run('load-test', { n: 10 });
    await expect(pool.run('load-test', { n: 10 })).rejects.toMatchObject({ reason: 'busy' });
    expect(await first).toEqual({ n: 1_000_000 });
    expect(await second).toEqual({ n: 10 });
    await expect(pool.run('no-such-report' as 'load-test', { n: 1 })).rejects.toMatchObject({ reason: 'failed', message: 'no report named no-such-report' });
    const running = pool.run('load-test', { n: 3_000_000 });
    await pool.close(50);
    await expect(running).rejects.toMatchObject({ reason: 'closed' });
    await expect(pool.run('load-test', { n: 1 })).rejects.toMatchObject({ reason: 'closed' });
  });
});
