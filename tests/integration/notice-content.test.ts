// What a printed notice says, over real HTTP (DOMAIN §1): the law cited follows the item's type
// (行政许可法 §32 only for 01 行政许可), and every notice carries the case number, the hall's phone
// and a seal line; the 补正告知书 names the day by which the materials are due.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Item } from '../../electron/contract/catalog.js';
import { writeItem } from '../../electron/hall/catalog/item-store.js';
import { setSetting } from '../../electron/hall/settings/service.js';
import { startHall, type TestHall } from './support/hall.js';
import { addItems, PERSON, staff, type Staff } from './support/cases.js';

let h: TestHall;
let s: Staff;

const MATERIALS = [{ name: '居民身份证', requirement: 'required', originals: 1, copies: 1, electronic: true, source: 'government' }] as const;

beforeAll(async () => {
  h = await startHall();
  // Tuesday 2026-03-10, 10:00 in the hall: five working days later is Tuesday 2026-03-17.
  h.clock.advance(Date.parse('2026-03-10T02:00:00Z') - h.clock.now().getTime());
  addItems(h);
  const base = { department: '民政办', implementingBody: '某某镇人民政府', visits: 1, promisedLimit: { value: 5, unit: 'working_days' }, materials: MATERIALS, handlingLevel: 'town' };
  h.db.transaction(() => {
    writeItem(h.db, Item.parse({ ...base, type: '01', code: 'LIC01', name: '农村宅基地审批' }), h.clock.now().toISOString());
    writeItem(h.db, Item.parse({ ...base, type: '05', code: 'AID01', name: '临时救助', legalBasis: '《社会救助暂行办法》第四十七条' }), h.clock.now().toISOString());
  })();
  s = await staff(h);
});
afterAll(() => h.close());

const correctionNotice = async (itemCode: string, lang = 'zh-CN', offer?: (password: string) => string) => {
  const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode, applicant: PERSON, materials: [], channel: 'window' } });
  expect(created.status).toBe(201);
  const id = created.body.id as number;
  const corrections = (created.body.missingMaterials as Array<{ name: string }>).map((m) => ({ name: m.name, reason: '未提供' }));
  expect((await h.api('POST', `/cases/${id}/actions`, { token: s.clerk, body: { action: 'request-correction', corrections } })).status).toBe(200);
  const headers: Record<string, string> = { authorization: `Bearer ${s.clerk}`, 'accept-language': lang };
  const password = created.body.queryPassword as string;
  if (offer) headers['x-query-password'] = offer(password);
  const res = await fetch(`${h.base}/api/v1/cases/${id}/notices/correction`, { headers });
  expect(res.status).toBe(200);
  return { caseNo: created.body.caseNo as string, password, html: await res.text() };
};

describe('the correction notice', () => {
  it('cites 行政许可法 §32 for a 行政许可 item', async () => {
    const { html } = await correctionNotice('LIC01');
    expect(html).toContain('《中华人民共和国行政许可法》第三十二条');
  });

  it("cites a 行政给付 item's own legal basis, never the licensing law", async () => {
    const { html } = await correctionNotice('AID01');
    expect(html).toContain('《社会救助暂行办法》第四十七条');
    expect(html).not.toContain('行政许可法');
  });

  it('falls back to the published guide for an item with no legal basis on file', async () => {
    const { html } = await correctionNotice('TOWN01');
    expect(html).not.toContain('行政许可法');
    expect(html).toContain('办事指南');
  });

  it('shows the case number, the deadline in working days, the seal line and the phone', async () => {
    const before = await correctionNotice('TOWN01');
    expect(before.html).toContain(before.caseNo);
    expect(before.html).toContain('补正期限</th><td>2026-03-17');
    expect(before.html).toContain('请于 2026-03-17 前');
    expect(before.html).toContain('（盖章）');

    setSetting(h.db, h.clock, 'hall.phone', '0518-87654321');
    setSetting(h.db, h.clock, 'cases.correctionWorkingDays', 10);
    const after = await correctionNotice('TOWN01');
    expect(after.html).toContain('咨询电话</th><td>0518-87654321');
    expect(after.html).toContain('补正期限</th><td>2026-03-24');

    const en = await correctionNotice('AID01', 'en');
    expect(en.html).toContain('Supply by</th><td>2026-03-24');
    expect(en.html).toContain('(Seal)');
    expect(en.html).not.toContain('Licensing Law');
  });
});

describe('the query password on the intake notices', () => {
  it('prints it on the correction notice when the intake offers the right one, so 办件查询 works in 补正', async () => {
    const { html, password } = await correctionNotice('TOWN01', 'zh-CN', (p) => p);
    expect(html).toContain(`查询密码</th><td>${password}`);
  });

  it('never prints a wrong one: the notice then points to the intake receipt', async () => {
    // Digits that appear nowhere else on the page.
    let wrong = '';
    const { html } = await correctionNotice('TOWN01', 'zh-CN', (p) => (wrong = p === '913572' ? '135792' : '913572'));
    expect(html).not.toContain(wrong);
    expect(html).toContain('查询密码</th><td>见收件回执');
  });
});

describe('a new query password for a citizen who lost theirs', () => {
  const auditRows = () => h.db.prepare("SELECT detail FROM audit_log WHERE action = 'case-query-password-reissue' ORDER BY id").all() as Array<{ detail: string }>;
  const lookup = (caseNo: string, password: string) => h.api('POST', '/cases/lookup', { body: { caseNo, password } });

  it('issues a new one once, audited; the old one stops working and the new one opens 办件查询 and prints', async () => {
    const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: [], channel: 'window' } });
    const { id, caseNo, queryPassword: old } = created.body as { id: number; caseNo: string; queryPassword: string };
    const before = auditRows().length;
    const res = await h.api('POST', `/cases/${id}/query-password`, { token: s.clerk });
    expect(res.status).toBe(200);
    expect(res.body.caseNo).toBe(caseNo);
    const fresh = res.body.queryPassword as string;
    expect(fresh).toMatch(/^\d{6}$/);
    const rows = auditRows();
    expect(rows.length).toBe(before + 1);
    expect(JSON.parse(rows.at(-1)!.detail)).toEqual({ caseNo });
    expect(rows.at(-1)!.detail).not.toContain(fresh);
    const stored = h.db.prepare('SELECT password_hash FROM cases WHERE id = ?').get(id) as { password_hash: string };
    expect(stored.password_hash).not.toContain(fresh);

    expect((await lookup(caseNo, fresh)).status).toBe(200);
    if (old !== fresh) expect((await lookup(caseNo, old)).status).not.toBe(200);
    expect((await h.api('GET', '/audit/verify', { token: s.admin })).body.ok).toBe(true);
  });

  it('answers 404 for an unknown case and writes nothing', async () => {
    const before = auditRows().length;
    expect((await h.api('POST', '/cases/999999/query-password', { token: s.clerk })).status).toBe(404);
    expect(auditRows().length).toBe(before);
  });
});
