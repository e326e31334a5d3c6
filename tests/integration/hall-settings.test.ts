// The hall's own settings over real HTTP: the admin reads and changes the name, phone, 补正期限,
// case-stage rating period, the 差评整改 limits and lead and the dashboard's wait target; a change is
// audited with its values and the next notice, work order and dashboard use it; bad input is a 400
// naming the field and changes nothing; only the admin may do either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { addItems, ALL_PROVIDED, PERSON, staff, type Staff } from './support/cases.js';

let h: TestHall;
let s: Staff;

beforeAll(async () => {
  h = await startHall();
  // Tuesday 2026-03-10, 10:00 in the hall.
  h.clock.advance(Date.parse('2026-03-10T02:00:00Z') - h.clock.now().getTime());
  addItems(h);
  s = await staff(h);
});
afterAll(() => h.close());

const DEFAULTS = { ratingCaseStageDays: 7, ratingCallbackWorkingDays: 1, ratingRectifyWorkingDays: 5, ratingFollowupAssignee: '', dashboardWaitTargetMinutes: 15 };

const auditRows = () =>
  h.db.prepare("SELECT entity_id, actor_name, detail FROM audit_log WHERE action = 'hall-settings' ORDER BY id").all() as Array<{ entity_id: string; actor_name: string; detail: string }>;

const correctionNotice = async () => {
  const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: [], channel: 'window' } });
  const id = created.body.id as number;
  const corrections = (created.body.missingMaterials as Array<{ name: string }>).map((m) => ({ name: m.name, reason: '未提供' }));
  expect((await h.api('POST', `/cases/${id}/actions`, { token: s.clerk, body: { action: 'request-correction', corrections } })).status).toBe(200);
  const res = await fetch(`${h.base}/api/v1/cases/${id}/notices/correction`, { headers: { authorization: `Bearer ${s.clerk}` } });
  return res.text();
};

describe('hall settings', () => {
  it('starts at the defaults: no hall phone, 5 working days to correct, 7 days to rate a stage', async () => {
    const res = await h.api('GET', '/hall/settings', { token: s.admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      name: '乡镇便民服务中心',
      phone: '',
      correctionWorkingDays: 5,
      ratingCaseStageDays: 7,
      ratingCallbackWorkingDays: 1,
      ratingRectifyWorkingDays: 5,
      ratingFollowupAssignee: '',
      dashboardWaitTargetMinutes: 15,
    });
  });

  it('saves a change in one audited step with the values before and after, and the next notice uses it', async () => {
    const body = { ...DEFAULTS, name: '安峰镇便民服务中心', phone: '0518-87654321', correctionWorkingDays: 10 };
    const res = await h.api('PUT', '/hall/settings', { token: s.admin, body });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(body);
    expect((await h.api('GET', '/hall/settings', { token: s.admin })).body).toEqual(body);
    const rows = auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_name).toBe('admin');
    expect(JSON.parse(rows[0]!.detail)).toEqual({
      changes: { name: ['乡镇便民服务中心', '安峰镇便民服务中心'], phone: ['', '0518-87654321'], correctionWorkingDays: [5, 10] },
    });
    const html = await correctionNotice();
    expect(html).toContain('咨询电话</th><td>0518-87654321');
    // Ten working days from Tuesday 2026-03-10.
    expect(html).toContain('补正期限</th><td>2026-03-24');
    expect(html).toContain('安峰镇便民服务中心');
    expect((await h.api('GET', '/audit/verify', { token: s.admin })).body.ok).toBe(true);
  });

  it('saves the work orders’ limits and lead and the wait target; new orders and the dashboard follow them', async () => {
    const lead = await h.userToken('supervisor', 'lead-b');
    const current = (await h.api('GET', '/hall/settings', { token: s.admin })).body;
    const audits = auditRows().length;
    const body = { ...current, ratingCallbackWorkingDays: 2, ratingRectifyWorkingDays: 15, ratingFollowupAssignee: 'lead-b', dashboardWaitTargetMinutes: 20 };
    const res = await h.api('PUT', '/hall/settings', { token: s.admin, body });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(body);
    expect(JSON.parse(auditRows()[audits]!.detail)).toEqual({
      changes: { ratingCallbackWorkingDays: [1, 2], ratingRectifyWorkingDays: [5, 15], ratingFollowupAssignee: ['', 'lead-b'], dashboardWaitTargetMinutes: [15, 20] },
    });
    expect((await h.api('GET', '/dashboard', { token: lead })).body.queue.targetMinutes).toBe(20);
    // A bad rating of a case now opens an order for lead-b, due in 2 and 15 working days (from Tuesday 2026-03-10).
    const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED, channel: 'window' } });
    expect((await h.api('POST', `/cases/${created.body.id}/actions`, { token: s.clerk, body: { action: 'accept' } })).status).toBe(200);
    const kiosk = (await h.api('POST', '/devices', { token: s.admin, body: { name: '大厅取号机', kind: 'kiosk' } })).body.token as string;
    const rated = await h.api('POST', '/ratings', { token: kiosk, body: { case: { caseNo: created.body.caseNo, password: created.body.queryPassword, stage: 'accepted' }, level: 1 } });
    expect(rated.status).toBe(201);
    const order = (await h.api('GET', '/work-orders', { token: lead })).body.orders[0];
    expect(order).toMatchObject({ assigneeName: 'lead-b', callbackDue: '2026-03-12', rectifyDue: '2026-03-31' });
  });

  it('writes no audit row when nothing changed', async () => {
    const before = auditRows().length;
    const current = (await h.api('GET', '/hall/settings', { token: s.admin })).body;
    expect((await h.api('PUT', '/hall/settings', { token: s.admin, body: current })).status).toBe(200);
    expect(auditRows()).toHaveLength(before);
  });

  it.each([
    ['correctionWorkingDays', { correctionWorkingDays: 0 }],
    ['correctionWorkingDays', { correctionWorkingDays: 2.5 }],
    ['ratingCaseStageDays', { ratingCaseStageDays: 91 }],
    ['phone', { phone: '0518-8765abc' }],
    ['name', { name: '' }],
    ['ratingRectifyWorkingDays', { ratingRectifyWorkingDays: 16 }],
    ['ratingCallbackWorkingDays', { ratingCallbackWorkingDays: 0 }],
    ['ratingCallbackWorkingDays', { ratingCallbackWorkingDays: 6, ratingRectifyWorkingDays: 5 }],
    ['dashboardWaitTargetMinutes', { dashboardWaitTargetMinutes: 0 }],
    ['ratingFollowupAssignee', { ratingFollowupAssignee: 'nobody' }],
    ['ratingFollowupAssignee', { ratingFollowupAssignee: 'clerk-a' }],
  ])('refuses a bad %s with a 400 naming it, and changes nothing', async (field, change) => {
    const current = (await h.api('GET', '/hall/settings', { token: s.admin })).body;
    const audits = auditRows().length;
    const res = await h.api('PUT', '/hall/settings', { token: s.admin, body: { ...current, ...change } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect((await h.api('GET', '/hall/settings', { token: s.admin })).body).toEqual(current);
    expect(auditRows()).toHaveLength(audits);
  });

  it('is the admin’s alone', async () => {
    const current = (await h.api('GET', '/hall/settings', { token: s.admin })).body;
    expect((await h.api('GET', '/hall/settings', { token: s.clerk })).status).toBe(403);
    expect((await h.api('PUT', '/hall/settings', { token: s.clerk, body: { ...current, phone: '110' } })).status).toBe(403);
    expect((await h.api('PUT', '/hall/settings', { body: current })).status).toBe(401);
    expect((await h.api('GET', '/hall/settings', { token: s.admin })).body.phone).toBe(current.phone);
  });
});
