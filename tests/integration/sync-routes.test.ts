// The operator's view over real HTTP: settings (the key never shown), status, "sync now", "send
// again", the alert, the sync.status event; and the queue's records captured with their business rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePastDays } from '../../electron/hall/queue/day-end.js';
import type { HallEvent } from '../../electron/contract/api.js';
import { startCountySim, type CountySim } from '../county-sim/server.js';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let sim: CountySim;
let admin: string;
let supervisor: string;
let q: QueueFixture;
const KEY = 'route-test-county-key-4711';
const events: Array<{ who: string; event: HallEvent }> = [];

beforeAll(async () => {
  [h, sim] = await Promise.all([startHall(), startCountySim({ key: KEY })]);
  admin = await h.login('admin', ADMIN_PASSWORD);
  supervisor = await h.userToken('supervisor');
  q = await setupQueue(h, 1);
  for (const role of ['admin', 'clerk'] as const) {
    h.hall.events.subscribe({ principal: { kind: 'user', user: { id: 0, username: role, role, displayName: role }, sessionId: 0 }, send: (event) => events.push({ who: role, event }) }, null);
  }
});
afterAll(async () => {
  await h.close();
  await sim.close();
});

const status = async (token = admin) => (await h.api('GET', '/sync/status', { token })).body;
async function settled(): Promise<any> {
  for (let i = 0; i < 200; i++) {
    const s = await status();
    if (!s.running) return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the cycle did not end');
}
async function runNow(token = admin): Promise<any> {
  await settled();
  const res = await h.api('POST', '/sync/run', { token });
  expect(res.status).toBe(202);
  expect(res.body).toEqual({ started: true });
  return settled();
}
const settings = (over: Record<string, unknown> = {}) => ({ countyUrl: sim.url, countyKey: KEY, hallCode: '320703104', intervalSeconds: 300, alertAfterMinutes: 30, ...over });

async function serveAndRate(level: number): Promise<number> {
  const w = q.windows[0]!;
  await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } });
  const called = (await h.api('POST', `/windows/${w.id}/call-next`, { token: w.clerk })).body.ticket;
  await h.api('POST', `/queue/tickets/${called.id}/start`, { token: w.clerk });
  await h.api('POST', `/queue/tickets/${called.id}/complete`, { token: w.clerk });
  const rated = await h.api('POST', '/ratings', { token: q.rating.token, body: { ticketId: called.id, level, indicators: { attitude: level }, comment: '窗口服务' } });
  expect(rated.status).toBe(201);
  return rated.body.id;
}

describe('sync settings', () => {
  it('starts unconfigured and refuses bad input naming the field', async () => {
    expect((await h.api('GET', '/sync/settings', { token: admin })).body).toEqual({ countyUrl: null, countyKeySet: false, hallCode: '000000000', intervalSeconds: 300, alertAfterMinutes: 60 });
    const bad = await h.api('PUT', '/sync/settings', { token: admin, body: settings({ countyUrl: 'ftp://x', hallCode: '32A' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => `${d.field}:${d.code}`).sort()).toEqual(['countyUrl:http_url', 'hallCode:hall_code_digits']);
    expect((await status()).configured).toBe(false);
  });

  it('stores the key sealed, never answers it, and audits the change without it', async () => {
    const res = await h.api('PUT', '/sync/settings', { token: admin, body: settings() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ countyUrl: sim.url, countyKeySet: true, hallCode: '320703104', intervalSeconds: 300, alertAfterMinutes: 30 });
    expect(JSON.stringify((await h.api('GET', '/sync/settings', { token: admin })).body)).not.toContain(KEY);
    const rows = h.db.prepare("SELECT value FROM settings UNION ALL SELECT coalesce(detail, '') FROM audit_log").all() as Array<{ value: string }>;
    expect(rows.some((r) => r.value.includes(KEY))).toBe(false);
    // Without countyKey the stored key is kept.
    await h.api('PUT', '/sync/settings', { token: admin, body: settings({ countyKey: undefined, alertAfterMinutes: 30 }) });
    expect((await h.api('GET', '/sync/settings', { token: admin })).body.countyKeySet).toBe(true);
  });
});

describe('queue records for the county', () => {
  it('captures a rating with its business row: the staff rated, nothing about the citizen', async () => {
    const ratingId = await serveAndRate(2);
    const row = h.db.prepare("SELECT kind, payload, state FROM outbox WHERE kind = 'rating' ORDER BY id DESC").get() as { kind: string; payload: string; state: string };
    expect(JSON.parse(row.payload)).toMatchObject({ ratingId, level: 2, bad: true, indicators: { attitude: 2 }, comment: '窗口服务', channel: 'pad', stage: null, caseNo: null, ticketNumber: 'A001', staff: { username: 'counter1', displayName: 'counter1', windowNumber: 1 } });
    expect(row.state).toBe('pending');
  });

});

describe('status, run, resend, alert', () => {
  it('uploads on "sync now" and shows the result to admin and supervisor, pushing sync.status', async () => {
    const s = await runNow(supervisor);
    expect(s).toMatchObject({ configured: true, counts: { pending: 0, sending: 0, done: 1, rejected: 0 }, oldestPendingAt: null, paused: false, alert: false, lastError: null });
    expect(s.lastSuccessAt).toBe(h.clock.now().toISOString());
    expect(sim.store.counters().records).toBe(1);
    expect(events.filter((e) => e.event.type === 'sync.status').map((e) => e.who)).toContain('admin');
    expect(events.some((e) => e.who === 'clerk' && e.event.type.startsWith('sync.'))).toBe(false);
  });

  it('shows a rejected record with the county’s reason, and sends it again on request (admin only)', async () => {
    await serveAndRate(5);
    const recordId = (h.db.prepare("SELECT record_id FROM outbox WHERE state = 'pending'").get() as { record_id: string }).record_id;
    sim.setFaults({ rejectRecordIds: [recordId] });
    const s = await runNow();
    expect(s.counts.rejected).toBe(1);
    expect(s.rejected).toEqual([{ recordId, kind: 'rating', caseNo: null, reason: expect.stringContaining('rejectRecordIds'), at: expect.any(String) }]);
    sim.setFaults({});
    expect((await h.api('POST', `/sync/records/${recordId}/resend`, { token: supervisor })).status).toBe(403);
    expect((await h.api('POST', '/sync/records/no-such-record/resend', { token: admin })).status).toBe(404);
    const again = await h.api('POST', `/sync/records/${recordId}/resend`, { token: admin });
    expect(again.body).toEqual({ recordId, state: 'pending' });
    expect((await h.api('POST', `/sync/records/${recordId}/resend`, { token: admin })).body.error.code).toBe('conflict');
    expect((await runNow()).counts).toEqual({ pending: 0, sending: 0, done: 2, rejected: 0 });
  });

  it('raises the alert only when the upload has failed for longer than the setting', async () => {
    await serveAndRate(4);
    sim.setFaults({ refuse5xx: 1 });
    let s = await runNow();
    expect(s).toMatchObject({ failingSince: h.clock.now().toISOString(), alert: false, lastError: { code: 'http_status', detail: '503' }, counts: { pending: 1 } });
    expect(Date.parse(s.oldestPendingAt)).toBeLessThanOrEqual(h.clock.now().getTime());
    const clerk = await h.userToken('clerk');
    expect((await h.api('GET', '/sync/alert', { token: clerk })).body).toEqual({ alert: false, paused: false, failingSince: s.failingSince });
    h.clock.advance(31 * 60_000);
    s = await status();
    expect(s.alert).toBe(true);
    // Every staff member learns of it, not only the operators who may read the details.
    expect((await h.api('GET', '/sync/alert', { token: clerk })).body).toEqual({ alert: true, paused: false, failingSince: s.failingSince });
    expect((await h.api('GET', '/sync/status', { token: clerk })).status).toBe(403);
    // Back to normal: the record was waiting out its backoff; the next run delivers it and clears the alert.
    sim.setFaults({});
    s = await runNow();
    expect(s).toMatchObject({ alert: false, failingSince: null, counts: { pending: 0, done: 3 } });
  });

  it('pauses on a refused key until the settings change', async () => {
    await serveAndRate(3);
    await h.api('PUT', '/sync/settings', { token: admin, body: settings({ countyKey: 'wrong-key' }) });
    let s = await runNow();
    expect(s).toMatchObject({ paused: true, alert: true, lastError: { code: 'unauthorized' } });
    await h.api('PUT', '/sync/settings', { token: admin, body: settings() });
    s = await runNow();
    expect(s).toMatchObject({ paused: false, alert: false, counts: { pending: 0, done: 4 } });
  });
});

describe('a hung county', () => {
  it('never holds up the hall: "sync now" answers at once and requests are served meanwhile', async () => {
    await serveAndRate(5);
    sim.setFaults({ timeoutRate: 1, timeoutMs: 1500 });
    await settled();
    let started = performance.now();
    const run = await h.api('POST', '/sync/run', { token: admin });
    expect(run.status).toBe(202);
    expect(performance.now() - started).toBeLessThan(500);
    expect((await status()).running).toBe(true);
    started = performance.now();
    const ticket = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } });
    expect(ticket.status).toBe(201);
    expect(performance.now() - started).toBeLessThan(500);
    sim.setFaults({});
    expect((await settled()).counts.done).toBe(5);
  });
});

describe('day end', () => {
  // Last: moving the clock a day ends the sessions and closes the windows the tests above use.
  it('captures one queue-daily record per closed day, with the figures per category', async () => {
    h.clock.advance(24 * 3600_000);
    expect(closePastDays(h.db, h.clock)).toHaveLength(1);
    const rows = h.db.prepare("SELECT payload FROM outbox WHERE kind = 'queue-daily'").all() as Array<{ payload: string }>;
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ businessDay: '2026-03-02', categories: [{ code: 'A', name: '社保医保', issued: 6, served: 5, noShow: 0 }] });
  });
});
