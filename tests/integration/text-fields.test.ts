// Free text over HTTP: NUL, a C1 control (U+0085) and a lone surrogate (the JSON escape "\ud800")
// in names, notes and comments are a 400 naming the field, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { addItems, ALL_PROVIDED, dump, PERSON, staff, type Staff } from './support/cases.js';

let h: TestHall;
let s: Staff;
let caseId: number;
beforeAll(async () => {
  h = await startHall();
  addItems(h);
  s = await staff(h);
  const created = await h.api('POST', '/cases', { token: s.clerk, body: { itemCode: 'TOWN01', applicant: PERSON, materials: ALL_PROVIDED } });
  caseId = created.body.id;
});
afterAll(() => h.close());

/** Every table's rows, so "nothing stored" covers users, cases, audit, outbox and settings at once. */
function everything(): string {
  const tables = h.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  // Sessions change on every request (last seen); the rest must stay as it was.
  return JSON.stringify(tables.filter((t) => t !== 'sessions' && t !== 'devices').map((t) => [t, h.db.prepare(`SELECT * FROM "${t}"`).all()]));
}

const BAD = [
  ['NUL', '\u0000', 'control_chars'],
  ['C1 next line', '\u0085', 'control_chars'],
  ['lone surrogate', '\ud800', 'lone_surrogate'],
] as const;

interface Route {
  what: string;
  method: string;
  url: () => string;
  token: () => string;
  body: (bad: string) => unknown;
  field: string;
}

const ROUTES: Route[] = [
  { what: 'user display name', method: 'POST', url: () => '/users', token: () => s.admin, body: (bad) => ({ username: 'newclerk', password: 'long-enough-1', displayName: `王${bad}芳`, role: 'clerk' }), field: 'displayName' },
  { what: 'applicant name', method: 'POST', url: () => '/cases', token: () => s.clerk, body: (bad) => ({ itemCode: 'TOWN01', applicant: { ...PERSON, name: `李${bad}` }, materials: ALL_PROVIDED }), field: 'applicant.name' },
  { what: 'case note', method: 'POST', url: () => `/cases/${caseId}/actions`, token: () => s.clerk, body: (bad) => ({ action: 'accept', note: `材料齐全${bad}` }), field: 'note' },
  { what: 'reject reason', method: 'POST', url: () => `/cases/${caseId}/actions`, token: () => s.clerk, body: (bad) => ({ action: 'reject', reasons: [`不符合条件${bad}`] }), field: 'reasons.0' },
  { what: 'category description', method: 'POST', url: () => '/queue/categories', token: () => s.admin, body: (bad) => ({ code: 'Z', name: '综合', prefix: 'Z', description: `说明${bad}` }), field: 'description' },
  { what: 'device name', method: 'POST', url: () => '/devices', token: () => s.admin, body: (bad) => ({ name: `一号机${bad}`, kind: 'kiosk' }), field: 'name' },
];

describe('free-text fields refuse control characters and lone surrogates', () => {
  for (const route of ROUTES) {
    for (const [kind, bad, code] of BAD) {
      it(`${route.what} with ${kind} → 400 on ${route.field}, nothing stored`, async () => {
        const before = everything();
        const res = await h.api(route.method, route.url(), { token: route.token(), body: route.body(bad) });
        expect(res.status).toBe(400);
        expect(res.body.error.details).toContainEqual({ field: route.field, code });
        expect(everything()).toBe(before);
      });
    }
  }

  it('the lone surrogate arrives as a JSON escape, and the message says what is wrong in both languages', async () => {
    const raw = '{"username":"newclerk","password":"long-enough-1","displayName":"\\ud800王","role":"clerk"}';
    const zh = await h.api('POST', '/users', { token: s.admin, rawBody: raw });
    expect(zh.status).toBe(400);
    expect(zh.body.error.details).toEqual([{ field: 'displayName', code: 'lone_surrogate' }]);
    expect(zh.body.error.message).toContain('残缺');
    const en = await h.api('POST', '/users', { token: s.admin, rawBody: raw, lang: 'en' });
    expect(en.body.error.message).toContain('broken character');
  });

  it('a lone surrogate in a field without its own text rule (a password) is refused too', async () => {
    const before = everything();
    const res = await h.api('POST', '/users', { token: s.admin, rawBody: '{"username":"newclerk","password":"long-enough-\\udc00","displayName":"王芳","role":"clerk"}' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'password', code: 'lone_surrogate' }]);
    expect(everything()).toBe(before);
  });

  it('real text goes through: astral hanzi, emoji and line breaks in a note', async () => {
    const before = dump(h);
    const res = await h.api('POST', '/users', { token: s.admin, body: { username: 'rare', password: 'long-enough-1', displayName: '𠀀😀芳', role: 'clerk' } });
    expect(res.status).toBe(201);
    expect(res.body.displayName).toBe('𠀀😀芳');
    const note = await h.api('POST', `/cases/${caseId}/actions`, { token: s.clerk, body: { action: 'accept', note: '第一行\n第二行\t完' } });
    expect(note.status).toBe(200);
    expect(dump(h)).not.toBe(before);
  });
});
