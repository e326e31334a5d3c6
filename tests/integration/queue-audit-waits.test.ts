// Issue 12, points 5 and 6 over real HTTP on a real SQLite file: a transferred citizen's wait is
// counted per visit leg (today's figures, the report query, the closed day and the county's
// queue-daily record), and the audit trail records what it used to miss — a category's changed
// values, a transfer's new ticket, each ticket expired at day end, county settings from the command line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePastDays } from '../../electron/hall/queue/day-end.js';
import { REPORTS } from '../../electron/hall/reports/report-queries.js';
import { applyCliSyncOptions } from '../../electron/hall/sync/sync-settings.js';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
const MIN = 60_000;
beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h); // window 1 serves A, window 2 serves A then B
});
afterAll(() => h.close());

interface AuditRow { action: string; entity_id: string; actor_name: string; terminal: string | null; state_before: string | null; state_after: string | null; detail: string | null }
const audit = (action: string): Array<AuditRow & { d: Record<string, unknown> }> =>
  (h.db.prepare('SELECT action, entity_id, actor_name, terminal, state_before, state_after, detail FROM audit_log WHERE action = ? ORDER BY id').all(action) as AuditRow[]).map((r) => ({
    ...r,
    d: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {},
  }));
const post = (path: string, token: string, body?: unknown) => h.api('POST', path, { token, body });
const figuresOf = async (day: string, code: string) =>
  ((await h.api('GET', `/queue/daily?day=${day}`, { token: q.admin })).body as Array<{ categoryCode: string; avgWaitMinutes: number | null }>).find((f) => f.categoryCode === code);

describe('a transfer', () => {
  let firstId = 0;
  let linkedId = 0;

  it('waits 10 min, is served 5 min, transferred to B and called there 2 min later', async () => {
    const [w1, w2] = [q.windows[0]!, q.windows[1]!];
    const ticket = (await post('/queue/tickets', q.kiosk, { categoryCode: 'A' })).body;
    firstId = ticket.id;
    h.clock.advance(10 * MIN);
    expect((await post(`/windows/${w1.id}/call-next`, w1.clerk)).body.ticket.id).toBe(firstId);
    await post(`/queue/tickets/${firstId}/start`, w1.clerk);
    h.clock.advance(5 * MIN);
    const moved = await post(`/queue/tickets/${firstId}/transfer`, w1.clerk, { categoryCode: 'B' });
    expect(moved.status).toBe(200);
    linkedId = moved.body.to.id;
    // Its place in the queue still comes from the arrival time.
    expect(moved.body.to.arrivedAt).toBe(ticket.issuedAt);
    h.clock.advance(2 * MIN);
    expect((await post(`/windows/${w2.id}/call-next`, w2.clerk)).body.ticket.id).toBe(linkedId);
  });

  it('gives the linked ticket its own audit row naming where it came from', () => {
    const rows = audit('ticket-transfer-in');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity_id: String(linkedId), actor_name: 'counter1', state_after: 'waiting' });
    expect(rows[0]!.d).toMatchObject({ number: 'A001', from: firstId, fromCategory: 'A' });
  });

  it("counts the second leg's wait from the transfer (2 min), not from the arrival (17 min)", async () => {
    expect((await figuresOf('2026-03-02', 'A'))!.avgWaitMinutes).toBe(10);
    expect((await figuresOf('2026-03-02', 'B'))!.avgWaitMinutes).toBe(2);
    const report = REPORTS.queue(h.db, { from: '2026-03-02', to: '2026-03-02' });
    expect(report.categories.map((c) => [c.categoryCode, c.avgWaitMinutes])).toEqual([['A', 10], ['B', 2]]);
    expect(report.totals.avgWaitMinutes).toBe(6);
  });
});

describe('a category or window edit', () => {
  it('records the values before and after, not only the field names', async () => {
    const res = await h.api('PUT', '/queue/categories/B', { token: q.admin, body: { prefix: 'C', name: '民政救助（新）', sortOrder: 2 } });
    expect(res.status).toBe(200);
    const row = audit('category-update').at(-1)!;
    expect(row.entity_id).toBe('B');
    expect(row.d.changes).toEqual({ prefix: { before: 'B', after: 'C' }, name: { before: '民政救助', after: '民政救助（新）' } });
  });

  it('and a window edit too', async () => {
    const w = q.windows[1]!;
    const res = await h.api('PUT', `/windows/${w.id}`, { token: q.admin, body: { name: '民政窗口', categoryCodes: ['B', 'A'] } });
    expect(res.status).toBe(200);
    const row = audit('window-update').at(-1)!;
    expect(row.d.changes).toEqual({ name: { before: '2号窗口', after: '民政窗口' }, categoryCodes: { before: ['A', 'B'], after: ['B', 'A'] } });
  });

  it('and a queue settings edit: the changed values only', async () => {
    const before = (await h.api('GET', '/queue/settings', { token: q.admin })).body as Record<string, unknown>;
    const slipWidthMm = before.slipWidthMm === 80 ? 58 : 80;
    const res = await h.api('PUT', '/queue/settings', { token: q.admin, body: { ...before, slipWidthMm, announceRepeat: 2 } });
    expect(res.status).toBe(200);
    const changed = audit('queue-settings').at(-1)!.d.changed as Record<string, unknown>;
    expect(changed).toEqual({
      slipWidthMm: { before: before.slipWidthMm, after: slipWidthMm },
      ...(before.announceRepeat === 2 ? {} : { announceRepeat: { before: before.announceRepeat, after: 2 } }),
    });
  });
});

describe('day end', () => {
  it('writes one audit row per expired ticket, and the closed figures and county record keep the per-leg wait', async () => {
    const waiting = (await post('/queue/tickets', q.kiosk, { categoryCode: 'A' })).body;
    const open = h.db.prepare("SELECT id, number, status FROM tickets WHERE status IN ('waiting', 'called', 'serving') ORDER BY id").all() as Array<{ id: number; number: string; status: string }>;
    expect(open.map((t) => t.id)).toEqual([linkedIdOf(), waiting.id]);
    h.clock.advance(24 * 3_600_000);
    expect(closePastDays(h.db, h.clock)).toEqual(['2026-03-02']);
    // Sessions last a working day.
    q.admin = await h.login('admin', ADMIN_PASSWORD);

    const rows = audit('ticket-expire');
    expect(rows.map((r) => [Number(r.entity_id), r.state_before, r.state_after])).toEqual(open.map((t) => [t.id, t.status, 'expired']));
    expect(rows.every((r) => r.actor_name === 'system' && r.d.businessDay === '2026-03-02')).toBe(true);
    expect(audit('queue-day-close').at(-1)!.d).toEqual({ expired: 2, tickets: open.map((t) => t.number) });

    expect((await figuresOf('2026-03-02', 'B'))!.avgWaitMinutes).toBe(2);
    const record = JSON.parse((h.db.prepare("SELECT payload FROM outbox WHERE kind = 'queue-daily'").get() as { payload: string }).payload) as { categories: Array<{ code: string; avgWaitMinutes: number }> };
    expect(record.categories.find((c) => c.code === 'B')!.avgWaitMinutes).toBe(2);
  });
});

/** The transfer's linked ticket (the one still called at window 2). */
function linkedIdOf(): number {
  return (h.db.prepare('SELECT id FROM tickets WHERE transferred_from IS NOT NULL').get() as { id: number }).id;
}

describe('county settings from the command line', () => {
  it('are audited with before and after values (never the key), and a start with the same flags writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-cli-sync-'));
    try {
      const options = { countyUrl: 'https://county.example/api', countyKey: 'secret-county-key', hallCode: '330102001', intervalSeconds: 120 };
      applyCliSyncOptions(h.db, h.clock, dir, options);
      const rows = audit('sync-settings');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor_name: 'system', terminal: 'cli' });
      expect(rows[0]!.d).toMatchObject({
        source: 'command-line',
        keyChanged: true,
        changes: { countyUrl: { before: null, after: options.countyUrl }, intervalSeconds: { before: 300, after: 120 }, hallCode: { after: '330102001' } },
      });
      expect(rows[0]!.detail).not.toContain('secret-county-key');

      applyCliSyncOptions(h.db, h.clock, dir, options);
      expect(audit('sync-settings')).toHaveLength(1);

      applyCliSyncOptions(h.db, h.clock, dir, { ...options, countyKey: 'another-key', countyUrl: null, hallCode: null, intervalSeconds: null });
      expect(audit('sync-settings').at(-1)!.d).toEqual({ source: 'command-line', changes: {}, keyChanged: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
