// Limits on guessing (issue 8): each guess is counted before its password is hashed, so guesses sent
// all at once are refused like guesses sent one by one; made-up names cannot push a real account's
// count out; the kiosk lookup locks a case after a few wrong passwords and the clerk lifts it; wrong
// appointment codes are limited per terminal and a used code reads like an unknown one; failed
// logins leave a bounded number of audit rows; a flood from many addresses is refused fast past the
// password-check queue while the hall's own terminals and intake go on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_RULES } from '../../electron/hall/auth/login-limiter.js';
import { checkGate } from '../../electron/hall/auth/passwords.js';
import { LOOKUP_RULES } from '../../electron/hall/cases/lookup.js';
import { FAILED_LOGIN_AUDIT } from '../../electron/hall/auth/failed-login-audit.js';
import { ADMIN_PASSWORD, startHall, type ApiResult, type TestHall } from './support/hall.js';
import { addItems, ALL_PROVIDED, PERSON, staff, type Staff } from './support/cases.js';
import { fromAddress, inParallel, type AddressClient } from './support/from-address.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

const MIN = 60_000;
const LOGIN_WINDOW = LOGIN_RULES.perAddressAccount.windowMs;
const statuses = (results: ApiResult[]) => results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

let h: TestHall;
const clients: AddressClient[] = [];
const from = (address: string) => {
  const c = fromAddress(h.base, address);
  clients.push(c);
  return c;
};
beforeAll(async () => {
  h = await startHall();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await h.close();
});

const wrongLogin = (c: AddressClient, username: string, i = 0) => c.api('POST', '/auth/login', { body: { username, password: `wrong-password-${i}` } });
const auditRows = (sql: string, ...args: unknown[]) => h.db.prepare(`SELECT action, entity_id, terminal, detail FROM audit_log WHERE ${sql} ORDER BY id`).all(...args) as Array<{ action: string; entity_id: string | null; terminal: string | null; detail: string }>;

describe('login', () => {
  it('judges at most 5 of 100 parallel wrong passwords; the right one waits out the lock, from that address', async () => {
    await h.userToken('supervisor', 'target1');
    const pc = from('127.0.0.2');
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => wrongLogin(pc, 'target1', i)));
    const counted = statuses(results);
    expect(counted[401]).toBeLessThanOrEqual(LOGIN_RULES.perAddressAccount.max);
    expect(counted[401]).toBeGreaterThan(0);
    expect(counted[429]).toBe(100 - counted[401]!);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);

    const right = { username: 'target1', password: 'password-supervisor' };
    expect((await pc.api('POST', '/auth/login', { body: right })).status).toBe(429);
    // The owner at another PC is not locked out by guesses from this one.
    expect((await from('127.0.0.3').api('POST', '/auth/login', { body: right })).status).toBe(200);
    h.clock.advance(LOGIN_WINDOW - 1000);
    expect((await pc.api('POST', '/auth/login', { body: right })).status).toBe(429);
    h.clock.advance(2000);
    expect((await pc.api('POST', '/auth/login', { body: right })).status).toBe(200);
  });

  it('keeps a real account\'s count through a spray of 20,000 made-up names from one address', async () => {
    await h.userToken('clerk', 'target2');
    const pc = from('127.0.0.4');
    for (let i = 0; i < 3; i++) expect((await wrongLogin(pc, 'target2', i)).status).toBe(401);
    const sprayer = from('127.0.0.5');
    const spray = statuses(await inParallel(20_000, 64, (i) => wrongLogin(sprayer, `nobody-${i}`)));
    // Cut short by the sprayer's own address limit: a few judged, the rest refused unhashed.
    expect(spray[401]).toBeLessThanOrEqual(LOGIN_RULES.perAddress.max);
    expect(spray[429]).toBe(20_000 - spray[401]!);
    for (let i = 3; i < 5; i++) expect((await wrongLogin(pc, 'target2', i)).status).toBe(401);
    expect((await pc.api('POST', '/auth/login', { body: { username: 'target2', password: 'password-clerk' } })).status).toBe(429);
  }, 120_000);

  it('locks a made-up name after as many tries as a real one, so the lock does not tell which names exist', async () => {
    await h.userToken('clerk', 'target3');
    const pc = from('127.0.0.6');
    const real: number[] = [];
    const ghost: number[] = [];
    for (let i = 0; i < 7; i++) {
      real.push((await wrongLogin(pc, 'target3', i)).status);
      ghost.push((await wrongLogin(pc, 'ghost3', i)).status);
    }
    expect(real).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(ghost).toEqual(real);
  });

  it('bounds failed-login audit rows: 1,000 failures leave a handful', async () => {
    h.clock.advance(LOGIN_WINDOW + MIN);
    await h.userToken('clerk', 'target4');
    const id = String((h.db.prepare("SELECT id FROM users WHERE username = 'target4'").get() as { id: number }).id);
    const firstRow = (h.db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
    const pc = from('127.0.0.7');
    const one = statuses(await inParallel(1000, 32, (i) => wrongLogin(pc, 'target4', i)));
    expect(one[401]).toBe(5);
    expect(auditRows('id > ? AND entity_id = ?', firstRow, id).map((r) => r.action)).toEqual(['login-failed', 'login-locked']);

    // 1,000 made-up names from another address: judged up to the address limit, rows up to the cap.
    const sprayer = from('127.0.0.8');
    const many = statuses(await inParallel(1000, 32, (i) => wrongLogin(sprayer, `made-up-${i}`)));
    expect(many[401]).toBe(LOGIN_RULES.perAddress.max);
    expect(auditRows("id > ? AND action LIKE 'login%'", firstRow).length).toBeLessThanOrEqual(FAILED_LOGIN_AUDIT.rowsPerMinute);

    // The window ends: one summary per (address, name) with the counts, one row for what the cap held back.
    h.clock.advance(LOGIN_WINDOW);
    await h.login('admin', ADMIN_PASSWORD);
    const rows = auditRows("id > ? AND action LIKE 'login-%'", firstRow);
    expect(rows.length).toBeLessThanOrEqual(FAILED_LOGIN_AUDIT.rowsPerMinute + 4);
    const summary = rows.find((r) => r.action === 'login-failed-summary' && r.entity_id === id)!;
    expect(JSON.parse(summary.detail)).toMatchObject({ failures: 5, refused: 995 });
    const told = (action: string) => rows.filter((r) => r.action === action).map((r) => JSON.parse(r.detail) as Record<string, number>);
    const sprayRefused = told('login-failed-summary').find((d) => d.failures === 0);
    expect(sprayRefused).toMatchObject({ refused: 1000 - LOGIN_RULES.perAddress.max });
    // Every attempt is accounted for, by a row or by the suppressed count.
    const firsts = rows.filter((r) => r.action === 'login-failed' && r.terminal === '127.0.0.8').length;
    const suppressed = told('login-failed-suppressed').reduce((n, d) => n + d.attempts!, 0);
    expect(firsts + suppressed).toBe(LOGIN_RULES.perAddress.max);
    expect(JSON.stringify(rows)).not.toContain('made-up');
    expect(JSON.stringify(rows)).not.toContain('wrong-password');
    expect((await h.api('GET', '/audit/verify', { token: await h.login('admin', ADMIN_PASSWORD) })).body.ok).toBe(true);
  }, 60_000);
});

describe('kiosk case lookup', () => {
  let c: Staff;
  let kiosk: string;
  const newCase = async () => {
    const res = await h.api('POST', '/cases', { token: c.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED } });
    return { id: res.body.id as number, caseNo: res.body.caseNo as string, password: res.body.queryPassword as string };
  };
  const wrongOf = (p: string) => (p === '000000' ? '111111' : '000000');
  beforeAll(async () => {
    addItems(h);
    c = await staff(h);
    kiosk = (await h.api('POST', '/devices', { token: c.admin, body: { name: '查询机', kind: 'kiosk' } })).body.token;
  });

  it('judges at most 5 of 100 parallel wrong passwords; the clerk sees the lock, lifts it (audited), and the right password works', async () => {
    const k = await newCase();
    const lookup = (password: string) => h.api('POST', '/cases/lookup', { token: kiosk, body: { caseNo: k.caseNo, password } });
    const counted = statuses(await Promise.all(Array.from({ length: 100 }, () => lookup(wrongOf(k.password)))));
    expect(counted[404]).toBeLessThanOrEqual(LOOKUP_RULES.perCase.max);
    expect(counted[429]).toBe(100 - counted[404]!);
    const locked = await lookup(k.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain('请到窗口请工作人员解除');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);

    const locks = await h.api('GET', '/cases/lookup-locks', { token: c.clerk });
    expect(locks.body).toEqual([{ caseId: k.id, caseNo: k.caseNo, failures: counted[404], lockedUntil: expect.any(String) }]);
    expect((await h.api('POST', `/cases/${k.id}/lookup-unlock`, { token: c.backoffice })).status).toBe(403);
    expect((await h.api('POST', `/cases/${k.id}/lookup-unlock`, { token: c.clerk })).status).toBe(204);
    const audited = auditRows("action = 'case-lookup-unlock' AND entity_id = ?", String(k.id));
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0]!.detail)).toEqual({ caseNo: k.caseNo, failures: counted[404] });
    expect((await h.api('GET', '/cases/lookup-locks', { token: c.clerk })).body).toEqual([]);
    expect((await h.api('POST', `/cases/${k.id}/lookup-unlock`, { token: c.clerk })).status).toBe(409);
    expect((await lookup(k.password)).status).toBe(200);
  });

  it('locks an unknown case number the same way, and never lists it', async () => {
    const lookup = () => h.api('POST', '/cases/lookup', { token: kiosk, body: { caseNo: '320703104202603020999', password: '123456' } });
    const seen = [];
    for (let i = 0; i < 6; i++) seen.push((await lookup()).status);
    expect(seen).toEqual([404, 404, 404, 404, 404, 429]);
    expect((await h.api('GET', '/cases/lookup-locks', { token: c.clerk })).body).toEqual([]);
  });

  it('limits one terminal spreading guesses over many cases; other terminals go on', async () => {
    const k = await newCase();
    const phone = from('127.0.0.20');
    let judged = 0;
    for (let i = 0; i < 40; i++) {
      const res = await phone.api('POST', '/cases/lookup', { body: { caseNo: `32070310420260302${String(5000 + i)}`, password: '123456' } });
      if (res.status === 429) break;
      expect(res.status).toBe(404);
      judged++;
    }
    expect(judged).toBe(LOOKUP_RULES.perTerminal.max);
    expect((await phone.api('POST', '/cases/lookup', { body: { caseNo: k.caseNo, password: k.password } })).status).toBe(429);
    expect((await h.api('POST', '/cases/lookup', { token: kiosk, body: { caseNo: k.caseNo, password: k.password } })).status).toBe(200);
    h.clock.advance(LOOKUP_RULES.perTerminal.windowMs);
    expect((await phone.api('POST', '/cases/lookup', { body: { caseNo: k.caseNo, password: k.password } })).status).toBe(200);
  });

  it('under 200 wrong logins from 200 addresses: refused fast past the queue, while a staff PC, the paired kiosk and intake go on', async () => {
    const k = await newCase();
    const flooders = Array.from({ length: 200 }, (_, i) => fromAddress(h.base, `127.3.${i >> 8}.${(i & 255) + 1}`, 1));
    clients.push(...flooders);
    const flood = Promise.all(flooders.map((f, i) => wrongLogin(f, `flood-${i}`)));
    // Wait until the public queue of password checks is full, then ask as the hall's own terminals.
    while (checkGate.load.queued < checkGate.maxQueued) await new Promise((resolve) => setImmediate(resolve));
    const [login, lookup, intake] = await Promise.all([
      h.api('POST', '/auth/login', { body: { username: 'clerk-a', password: 'password-clerk' } }),
      h.api('POST', '/cases/lookup', { token: kiosk, body: { caseNo: k.caseNo, password: k.password } }),
      h.api('POST', '/cases', { token: c.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED } }),
    ]);
    expect([login.status, lookup.status, intake.status]).toEqual([200, 200, 201]);
    const results = await flood;
    const counted = statuses(results);
    expect(Object.keys(counted).sort()).toEqual(['401', '503']);
    expect(counted[401]).toBeGreaterThanOrEqual(checkGate.concurrency + checkGate.maxQueued);
    const busy = results.find((r) => r.status === 503)!;
    expect(busy.body.error).toEqual({ code: 'unavailable', message: '验证请求过多，请稍后再试' });
    expect(busy.headers.get('retry-after')).toBe('2');
  });
});

describe('appointment codes', () => {
  let q: QueueFixture;
  let day: string;
  const appointment = async (when = day) => (await h.api('POST', '/appointments', { token: q.windows[0]!.clerk, body: { categoryCode: 'B', day: when, name: '欧阳娜娜' } })).body.code as string;
  const take = (token: string, appointmentCode: string) => h.api('POST', '/queue/tickets', { token, body: { appointmentCode } });
  beforeAll(async () => {
    q = await setupQueue(h);
    day = new Date(h.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  });

  it('answers a used, an unknown and another day\'s code alike, and limits wrong codes per kiosk', async () => {
    const used = await appointment();
    const fresh = await appointment();
    const tomorrow = await appointment(new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10));
    expect((await take(q.kiosk, used)).status).toBe(201);
    const unknownCode = ['000000', '000001', '000002'].find((x) => ![used, fresh, tomorrow].includes(x))!;
    const answers = [await take(q.kiosk, used), await take(q.kiosk, unknownCode), await take(q.kiosk, tomorrow)];
    for (const a of answers) expect({ status: a.status, body: a.body }).toEqual({ status: 422, body: { error: { code: 'domain_rule', message: '预约码无效或已使用' } } });
    expect((await take(q.kiosk, unknownCode)).status).toBe(422);
    expect((await take(q.kiosk, unknownCode)).status).toBe(422);
    // Five wrong: even a good code waits, with Retry-After; another kiosk is not held up.
    const refused = await take(q.kiosk, fresh);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = (await h.api('POST', '/devices', { token: q.admin, body: { name: '二号取号机', kind: 'kiosk' } })).body.token;
    expect((await take(other, fresh)).status).toBe(201);
    // Tickets without a code are never held up by the limit.
    expect((await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } })).status).toBe(201);
    h.clock.advance(10 * MIN);
    expect((await take(q.kiosk, await appointment())).status).toBe(201);
  });
});
