// Cases end to end over real HTTP on a real SQLite file: intake, one-time correction, acceptance with
// a due date across National Day 2026, review to delivery, the kiosk lookup, refused actions that
// change nothing, the county's decision applied twice, the audited reveal, and the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCountyDecision } from '../../electron/hall/sync/decisions.js';
import { startHall, type TestHall } from './support/hall.js';
import { addItems, ALL_PROVIDED, dump, ID_NUMBER, MOBILE, NAME, PERSON, staff, type Staff } from './support/cases.js';

let h: TestHall;
let s: Staff;
const moveTo = (iso: string) => h.clock.advance(Date.parse(iso) - h.clock.now().getTime());

beforeAll(async () => {
  h = await startHall();
  // Tuesday 29 September 2026, 10:00 in the hall: National Day (1–7 Oct) and the make-up Saturday
  // 10 Oct lie inside a 5-working-day limit.
  moveTo('2026-09-29T02:00:00Z');
  addItems(h);
  s = await staff(h);
});
afterAll(() => h.close());

const act = (id: number, token: string, body: Record<string, unknown>) => h.api('POST', `/cases/${id}/actions`, { token, body });
const notice = async (id: number, kind: string, token: string, password?: string) => {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' };
  if (password) headers['x-query-password'] = password;
  const res = await fetch(`${h.base}/api/v1/cases/${id}/notices/${kind}`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
};
/** The material names in a notice's list table (the rows after its header). */
const listedMaterials = (html: string) => [...html.matchAll(/<tr><td>\d+<\/td><td>([^<]*)<\/td>/g)].map((m) => m[1]);

describe('a case from intake to delivery', () => {
  let id = 0;
  let caseNo = '';
  let password = '';

  it('receives the case and names exactly the missing required material', async () => {
    const res = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: [{ name: '居民身份证', originals: 1, copies: 1 }], channel: 'window' } });
    expect(res.status).toBe(201);
    ({ id, caseNo, queryPassword: password } = res.body);
    expect(caseNo).toBe('00000000020260929' + '0001');
    expect(password).toMatch(/^\d{6}$/);
    expect(res.body.status).toBe('received');
    expect(res.body.missingMaterials.map((m: { name: string }) => m.name)).toEqual(['户口簿']);
    // The password is kept only as a salted hash.
    const stored = h.db.prepare('SELECT password_hash FROM cases WHERE id = ?').get(id) as { password_hash: string };
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain(password);
  });

  it('refuses to accept while a required material is missing, naming it', async () => {
    const before = dump(h);
    const res = await act(id, s.clerk, { action: 'accept' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.missingMaterials.map((m: { name: string }) => m.name)).toEqual(['户口簿']);
    expect(res.body.error.message).toContain('户口簿');
    expect(dump(h)).toBe(before);
  });

  it('requires the correction notice to list every missing material at once', async () => {
    const partial = await act(id, s.clerk, { action: 'request-correction', corrections: [{ name: '居民身份证', reason: '复印件不清晰' }] });
    expect(partial.status).toBe(422);
    expect(partial.body.error.message).toContain('户口簿');
    const res = await act(id, s.clerk, { action: 'request-correction', note: '请补正', corrections: [{ name: '户口簿', reason: '未提供户口簿原件' }] });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('correction');
  });

  it('prints a correction notice listing exactly that material, with the reason and date', async () => {
    const n = await notice(id, 'correction', s.clerk);
    expect(n.status).toBe(200);
    expect(n.type).toContain('text/html');
    expect(n.html).toMatch(/^<!doctype html>/);
    expect(n.html).toContain('补正材料告知书');
    expect(listedMaterials(n.html)).toEqual(['户口簿']);
    expect(n.html).toContain('未提供户口簿原件');
    expect(n.html).toContain('2026-09-29');
    expect(n.html).toContain('110105********002X');
    expect(n.html).not.toContain(ID_NUMBER);
  });

  it('accepts after resubmission; the due date skips National Day and counts the make-up Saturday', async () => {
    expect((await act(id, s.clerk, { action: 'resubmit', materials: ALL_PROVIDED })).body.status).toBe('received');
    const res = await act(id, s.clerk, { action: 'accept' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('accepted');
    // 30 Sep (1), 1–7 Oct holiday, 8 (2), 9 (3), Sat 10 make-up day (4), Sun 11 off, Mon 12 (5).
    expect(res.body.dueDate).toBe('2026-10-12');
    expect(res.body.missingMaterials).toEqual([]);
  });

  it('prints the acceptance notice with the password only when the caller proves it', async () => {
    const withIt = await notice(id, 'acceptance', s.clerk, password);
    expect(withIt.html).toContain('受理通知书');
    expect(withIt.html).toContain(password);
    expect(withIt.html).toContain('2026-10-12');
    // Digits that appear nowhere else on the page (the case number is full of zeros).
    const wrong = password === '913572' ? '135792' : '913572';
    const without = await notice(id, 'acceptance', s.clerk, wrong);
    expect(without.html).not.toContain(wrong);
    expect(without.html).toContain('见收件回执');
    const en = await fetch(`${h.base}/api/v1/cases/${id}/notices/acceptance`, { headers: { authorization: `Bearer ${s.clerk}`, 'accept-language': 'en' } });
    expect(await en.text()).toContain('Notice of Acceptance');
    // A notice is a document made from citizens' input: nothing in it may run or fetch.
    expect(en.headers.get('x-content-type-options')).toBe('nosniff');
    expect(en.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
  });

  it('goes through review to delivery, each action by its role', async () => {
    expect((await act(id, s.clerk, { action: 'assign', assigneeId: s.backofficeId })).status).toBe(403);
    expect((await act(id, s.backoffice, { action: 'assign', assigneeId: s.backofficeId })).body.status).toBe('in_review');
    expect((await act(id, s.backoffice, { action: 'approve', note: '符合条件' })).body.status).toBe('decided');
    expect((await act(id, s.backoffice, { action: 'conclude' })).body.status).toBe('concluded');
    expect((await act(id, s.clerk, { action: 'deliver' })).status).toBe(400);
    const delivered = await act(id, s.clerk, { action: 'deliver', method: 'window', note: '本人领取' });
    expect(delivered.body.status).toBe('delivered');
    expect(delivered.body.events.map((e: { action: string }) => e.action)).toEqual(['receive', 'request-correction', 'resubmit', 'accept', 'assign', 'approve', 'conclude', 'deliver']);
  });

  it('shows the kiosk the state and no personal data', async () => {
    const kiosk = (await h.api('POST', '/devices', { token: s.admin, body: { name: '自助机', kind: 'kiosk' } })).body.token;
    const res = await h.api('POST', '/cases/lookup', { token: kiosk, body: { caseNo, password } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ caseNo, status: 'delivered', itemName: '居住证明', receivedDate: '2026-09-29', acceptedDate: '2026-09-29', dueDate: '2026-10-12',
      // Both stages reached today, neither rated yet: the kiosk offers to rate each (ratings-security.test.ts).
      rateableStages: [{ stage: 'accepted', until: expect.any(String) }, { stage: 'concluded', until: expect.any(String) }], followupOpen: false });
    const text = JSON.stringify(res.body);
    for (const secret of [ID_NUMBER, '110105', '002X', MOBILE, '5678', NAME, '王']) expect(text).not.toContain(secret);
    const bad = await h.api('POST', '/cases/lookup', { body: { caseNo, password: password === '000000' ? '111111' : '000000' } });
    expect(bad.status).toBe(404);
    const unknown = await h.api('POST', '/cases/lookup', { body: { caseNo: 'NOPE', password: '123456' } });
    expect(unknown.body.error.message).toBe(bad.body.error.message);
  });

  it('rate-limits guessing the password like the login', async () => {
    const other = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED } });
    const guess = (p: string) => h.api('POST', '/cases/lookup', { body: { caseNo: other.body.caseNo, password: p } });
    const wrong = other.body.queryPassword === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await guess(wrong)).status).toBe(404);
    expect((await guess(other.body.queryPassword)).status).toBe(429);
  });

  it('refuses every action the state does not allow with 409, changing nothing', async () => {
    const before = dump(h);
    const attempts: Array<[string, Record<string, unknown>]> = [
      [s.clerk, { action: 'accept' }],
      [s.clerk, { action: 'request-correction', corrections: [{ name: '户口簿', reason: 'x' }] }],
      [s.clerk, { action: 'resubmit', materials: ALL_PROVIDED }],
      [s.clerk, { action: 'reject', reasons: ['x'] }],
      [s.clerk, { action: 'deliver', method: 'post' }],
      [s.clerk, { action: 'withdraw' }],
      [s.backoffice, { action: 'assign', assigneeId: s.backofficeId }],
      [s.backoffice, { action: 'approve' }],
      [s.backoffice, { action: 'deny' }],
      [s.backoffice, { action: 'pause', note: '鉴定' }],
      [s.backoffice, { action: 'resume' }],
      [s.backoffice, { action: 'forward' }],
      [s.backoffice, { action: 'conclude' }],
    ];
    for (const [token, body] of attempts) {
      const res = await act(id, token, body);
      expect({ action: body.action, status: res.status }).toEqual({ action: body.action, status: 409 });
      expect(res.body.error.code).toBe('conflict');
      expect(res.body.error.details).toEqual({ status: 'delivered', action: body.action });
    }
    expect(dump(h)).toBe(before);
  });

  it('keeps the audit chain whole and sends the county the case and each action in order', async () => {
    expect((await h.api('GET', '/audit/verify', { token: s.admin })).body).toMatchObject({ ok: true, firstBadId: null });
    const records = h.db.prepare('SELECT kind, seq, payload FROM outbox WHERE case_no = ? ORDER BY id').all(caseNo) as Array<{ kind: string; seq: number | null; payload: string }>;
    expect(records.map((r) => r.kind)).toEqual(['case', ...Array(7).fill('case-event')]);
    expect(records.slice(1).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const caseRecord = JSON.parse(records[0]!.payload);
    expect(caseRecord).toMatchObject({ caseNo, channel: 'window', item: { basicCode: 'TOWN01' }, applicant: { certificateNumber: ID_NUMBER } });
    expect(caseRecord.queryPasswordHash).toMatch(/^scrypt\$/);
    const accept = JSON.parse(records[3]!.payload);
    expect(accept).toMatchObject({ action: 'accept', stateBefore: 'received', stateAfter: 'accepted', dueDate: '2026-10-12' });
    expect(JSON.parse(records[1]!.payload).corrections).toEqual([{ name: '户口簿', reason: '未提供户口簿原件' }]);
  });
});

describe('county-level cases', () => {
  let id = 0;
  let caseNo = '';

  it('forwards a county item, and the town may not decide it', async () => {
    const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'CNTY01', applicant: PERSON, materials: ALL_PROVIDED } });
    ({ id, caseNo } = created.body);
    await act(id, s.clerk, { action: 'accept' });
    await act(id, s.backoffice, { action: 'assign', assigneeId: s.backofficeId });
    expect((await act(id, s.backoffice, { action: 'approve' })).status).toBe(422);
    expect((await act(id, s.backoffice, { action: 'forward' })).body.status).toBe('forwarded');
  });

  it('warns yellow two working days before the due date and red once it has passed', async () => {
    moveTo('2026-10-09T02:00:00Z');
    await s.relogin();
    const yellow = await h.api('GET', '/cases?warning=yellow', { token: s.backoffice });
    expect(yellow.body.rows.map((r: { caseNo: string }) => r.caseNo)).toEqual([caseNo]);
    expect(yellow.body.rows[0]).toMatchObject({ warning: 'yellow', remainingWorkingDays: 2 });
    moveTo('2026-10-13T02:00:00Z');
    await s.relogin();
    const red = await h.api('GET', '/cases?warning=red', { token: s.backoffice });
    expect(red.body.rows.map((r: { caseNo: string }) => r.caseNo)).toEqual([caseNo]);
    expect(red.body.rows[0].warning).toBe('red');
  });

  it('applies a county decision once; applied again it changes nothing', () => {
    const decision = { id: 1, caseNo, decision: 'approved' as const, decidedAt: '2026-10-13T10:00:00+08:00', note: '县民政局准予' };
    expect(applyCountyDecision(h.db, decision, h.clock.now())).toBe('applied');
    const after = dump(h);
    const row = h.db.prepare('SELECT status, decision, decided_by FROM cases WHERE id = ?').get(id);
    expect(row).toEqual({ status: 'decided', decision: 'approved', decided_by: 'county' });
    expect(applyCountyDecision(h.db, decision, h.clock.now())).toBe('applied');
    expect(dump(h)).toBe(after);
    expect(applyCountyDecision(h.db, { ...decision, caseNo: 'UNKNOWN' }, h.clock.now())).toBe('not_yet');
  });
});

describe('personal data', () => {
  it('masks the ID number and phone in the detail; reveals it to the back office, audited', async () => {
    const id = (h.db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number }).id;
    const plain = await h.api('GET', `/cases/${id}`, { token: s.clerk });
    expect(plain.body).toMatchObject({ idNumber: '110105********002X', mobile: '138****5678', applicantName: '王*' });
    expect(JSON.stringify(plain.body)).not.toContain(ID_NUMBER);
    expect((await h.api('GET', `/cases/${id}?reveal=idNumber`, { token: s.clerk })).status).toBe(403);
    const audits = () => h.db.prepare("SELECT actor_name, entity_id FROM audit_log WHERE action = 'pii-reveal'").all();
    expect(audits()).toEqual([]);
    const revealed = await h.api('GET', `/cases/${id}?reveal=idNumber`, { token: s.backoffice });
    expect(revealed.body.idNumber).toBe(ID_NUMBER);
    expect(revealed.body.mobile).toBe('138****5678');
    expect(audits()).toEqual([{ actor_name: 'review-a', entity_id: String(id) }]);
  });

  it('refuses bad applicant numbers naming the field and the check, storing nothing', async () => {
    const before = dump(h);
    const badId = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: { ...PERSON, idNumber: '110105194912310021' }, materials: [] } });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details).toEqual([{ field: 'applicant.idNumber', code: 'id_checksum' }]);
    expect(badId.body.error.message).toMatch(/^身份证号码：/);
    const badMobile = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: { ...PERSON, mobile: '12345678901' }, materials: [] } });
    expect(badMobile.body.error.details).toEqual([{ field: 'applicant.mobile', code: 'mobile_format' }]);
    const badCredit = await h.api('POST', '/cases', {
      token: s.clerk,
      body: { itemCode: 'TOWN01', applicant: { kind: 'organisation', name: '某某合作社', creditCode: '91350100M000100Y44', contactName: '李四', mobile: MOBILE } },
    });
    expect(badCredit.body.error.details).toEqual([{ field: 'applicant.creditCode', code: 'credit_checksum' }]);
    expect(dump(h)).toBe(before);
  });
});

describe('the back-office list', () => {
  it('pages, sorts and filters on the server, never matching a fragment of a number', async () => {
    const zhang = { ...PERSON, name: '张三', idNumber: '440524198001010013' };
    await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: zhang, materials: [] } });
    const all = await h.api('GET', '/cases?sort=caseNo&limit=200', { token: s.admin });
    expect(all.body.total).toBe(4);
    const numbers = all.body.rows.map((r: { caseNo: string }) => r.caseNo);
    expect(numbers).toEqual([...numbers].sort());
    const page1 = await h.api('GET', '/cases?sort=-caseNo&limit=2&offset=0', { token: s.admin });
    const page2 = await h.api('GET', '/cases?sort=-caseNo&limit=2&offset=2', { token: s.admin });
    expect([...page1.body.rows, ...page2.body.rows].map((r: { caseNo: string }) => r.caseNo)).toEqual([...numbers].reverse());
    expect(page1.body.total).toBe(4);
    expect((await h.api('GET', '/cases?status=delivered', { token: s.admin })).body.total).toBe(1);
    expect((await h.api('GET', '/cases?item=CNTY01', { token: s.admin })).body.total).toBe(1);
    // Names match whole only (case-name-search.test.ts): the family name alone finds nothing.
    expect((await h.api('GET', '/cases?q=张', { token: s.admin })).body.total).toBe(0);
    expect((await h.api('GET', '/cases?q=张三', { token: s.admin })).body.total).toBe(1);
    expect((await h.api('GET', '/cases?q=440524198001010013', { token: s.admin })).body.total).toBe(1);
    // A fragment of the number — even the part the mask shows — finds nothing.
    expect((await h.api('GET', '/cases?q=0013', { token: s.admin })).body.total).toBe(0);
    expect((await h.api('GET', '/cases?q=44052419800101', { token: s.admin })).body.total).toBe(0);
    expect(JSON.stringify(all.body)).not.toContain('440524198001010013');
    // The list names the clerk who received each case (a staff name, not the applicant's).
    const clerkNames = new Set(h.db.prepare("SELECT display_name FROM users WHERE role = 'clerk'").pluck().all());
    expect(all.body.rows.every((r: { clerkName: string | null }) => r.clerkName !== null && clerkNames.has(r.clerkName))).toBe(true);
    // A returning applicant's case number finds exactly that case; a part of it finds nothing.
    const byNumber = await h.api('GET', `/cases?q=${numbers[1]}`, { token: s.admin });
    expect(byNumber.body.rows.map((r: { caseNo: string }) => r.caseNo)).toEqual([numbers[1]]);
    expect((await h.api('GET', `/cases?q=${numbers[1].slice(0, -1)}`, { token: s.admin })).body.total).toBe(0);
    expect((await h.api('GET', '/cases?limit=201', { token: s.admin })).status).toBe(400);
    expect((await h.api('GET', '/cases?sort=applicant_name', { token: s.admin })).status).toBe(400);
  });

  it('sorts by due date with the undated cases last either way, the same page by page as in one go', async () => {
    for (const sort of ['due', '-due']) {
      const whole = (await h.api('GET', `/cases?sort=${sort}&limit=200`, { token: s.admin })).body as { total: number; rows: Array<{ id: number; dueDate: string | null }> };
      const dates = whole.rows.map((r) => r.dueDate);
      const dated = dates.filter((d): d is string => d !== null).sort();
      expect(dated.length).toBeGreaterThan(0);
      expect(dated.length).toBeLessThan(dates.length);
      expect(dates).toEqual([...(sort === 'due' ? dated : dated.reverse()), ...dates.filter((d) => d === null)]);
      for (const limit of [1, 2, 3]) {
        const paged: number[] = [];
        for (let offset = 0; offset <= whole.total; offset += limit) {
          const page = await h.api('GET', `/cases?sort=${sort}&limit=${limit}&offset=${offset}`, { token: s.admin });
          expect(page.body.total).toBe(whole.total);
          paged.push(...page.body.rows.map((r: { id: number }) => r.id));
        }
        expect(paged).toEqual(whole.rows.map((r) => r.id));
      }
    }
  });
});
