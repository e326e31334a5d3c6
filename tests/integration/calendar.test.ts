// The calendar over real HTTP: seeded from the shipped file, edits change due dates and are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';

let h: TestHall;
let admin: string;
let clerk: string;

beforeAll(async () => {
  h = await startHall();
  admin = await h.login('admin', ADMIN_PASSWORD);
  clerk = await h.userToken('clerk');
});
afterAll(() => h.close());

const auditRows = (entityId: string) =>
  h.db.prepare("SELECT action, actor_id, state_before AS before, state_after AS after FROM audit_log WHERE entity = 'calendar-day' AND entity_id = ? ORDER BY id").all(entityId);

describe('calendar routes', () => {
  it('serves the shipped years, 2027 marked provisional', async () => {
    const y2025 = await h.api('GET', '/calendar?year=2025', { token: clerk });
    expect(y2025.status).toBe(200);
    expect(y2025.body.provisional).toBe(false);
    expect(y2025.body.source).toContain('国办发明电〔2024〕12号');
    expect(y2025.body.days).toContainEqual(expect.objectContaining({ date: '2025-01-26', kind: 'workday' }));
    const y2027 = await h.api('GET', '/calendar?year=2027', { token: clerk });
    expect(y2027.body.provisional).toBe(true);
    expect(y2027.body.days.filter((d: { kind: string }) => d.kind === 'workday')).toEqual([]);
  });

  it('gives the due date across the Spring Festival', async () => {
    const res = await h.api('GET', '/calendar/working-days?from=2025-01-24&n=3', { token: clerk });
    expect(res.body).toEqual({ from: '2025-01-24', n: 3, due: '2025-02-05' });
  });

  it('moves the due date when the admin edits a day, and audits the edit', async () => {
    // Accepted Mon 2026-03-02 with 3 days → Thu 03-05; a holiday on Wed 03-04 pushes it to Fri 03-06.
    const due = async () => (await h.api('GET', '/calendar/working-days?from=2026-03-02&n=3', { token: clerk })).body.due;
    expect(await due()).toBe('2026-03-05');
    const put = await h.api('PUT', '/calendar/days/2026-03-04', { token: admin, body: { kind: 'holiday', name: '本地停电' } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ date: '2026-03-04', kind: 'holiday', name: '本地停电', source: 'admin' });
    expect(await due()).toBe('2026-03-06');
    expect((await h.api('DELETE', '/calendar/days/2026-03-04', { token: admin })).status).toBe(204);
    expect(await due()).toBe('2026-03-05');
    expect(auditRows('2026-03-04')).toEqual([
      expect.objectContaining({ action: 'calendar-day-set', before: 'normal', after: 'holiday' }),
      expect.objectContaining({ action: 'calendar-day-clear', before: 'holiday', after: 'normal' }),
    ]);
    const verify = await h.api('GET', '/audit/verify', { token: admin });
    expect(verify.body.ok).toBe(true);
  });

  it('refuses a clerk edit, a wrong date and an unknown day to clear', async () => {
    expect((await h.api('PUT', '/calendar/days/2026-03-04', { token: clerk, body: { kind: 'holiday', name: 'x' } })).status).toBe(403);
    const bad = await h.api('PUT', '/calendar/days/2026-02-30', { token: admin, body: { kind: 'holiday', name: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: 'date', code: 'date_format' }]);
    expect((await h.api('DELETE', '/calendar/days/2026-03-10', { token: admin })).status).toBe(404);
  });

  it('confirms a provisional year once the admin has entered the notice', async () => {
    const res = await h.api('PUT', '/calendar/years/2027', { token: admin, body: { source: '国务院办公厅通知（测试）' } });
    expect(res.body).toMatchObject({ year: 2027, provisional: false, source: '国务院办公厅通知（测试）' });
  });

  it('keeps the warning threshold as a setting', async () => {
    expect((await h.api('GET', '/calendar/settings', { token: clerk })).body).toEqual({ yellowAt: 2 });
    expect((await h.api('PUT', '/calendar/settings', { token: admin, body: { yellowAt: 3 } })).body).toEqual({ yellowAt: 3 });
    expect((await h.api('GET', '/calendar/settings', { token: clerk })).body).toEqual({ yellowAt: 3 });
    expect((await h.api('PUT', '/calendar/settings', { token: admin, body: { yellowAt: -1 } })).status).toBe(400);
  });
});
