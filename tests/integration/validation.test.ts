// Bad input: a 400 that names the field and says why, in the caller's language; nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';

let h: TestHall;
let admin: string;
beforeAll(async () => {
  h = await startHall();
  admin = await h.login('admin', ADMIN_PASSWORD);
});
afterAll(() => h.close());

const goodUser = { username: 'wangfang', password: 'long-enough-1', displayName: '王芳', role: 'clerk' };

const userCases: Array<[string, Record<string, unknown>, string, string, string]> = [
  // [what, body, field, code, zh message]
  ['username missing', { ...goodUser, username: undefined }, 'username', 'required', '用户名：必须填写'],
  ['username too short', { ...goodUser, username: 'ab' }, 'username', 'too_short', '用户名：至少需要 3 个字符'],
  ['username too long', { ...goodUser, username: 'a'.repeat(33) }, 'username', 'too_long', '用户名：最多 32 个字符'],
  ['username with spaces', { ...goodUser, username: 'wang fang' }, 'username', 'username_chars', '用户名：只能使用字母、数字和 _ . -'],
  ['username a number', { ...goodUser, username: 12345 }, 'username', 'invalid_type', '用户名：格式不正确'],
  ['password missing', { ...goodUser, password: undefined }, 'password', 'required', '密码：必须填写'],
  ['password too short', { ...goodUser, password: 'short' }, 'password', 'too_short', '密码：至少需要 8 个字符'],
  ['displayName empty', { ...goodUser, displayName: '   ' }, 'displayName', 'too_short', '姓名：至少需要 1 个字符'],
  ['displayName too long', { ...goodUser, displayName: '王'.repeat(51) }, 'displayName', 'too_long', '姓名：最多 50 个字符'],
  ['displayName control chars', { ...goodUser, displayName: '王\u0007芳' }, 'displayName', 'control_chars', '姓名：不能包含控制字符'],
  ['role unknown', { ...goodUser, role: 'mayor' }, 'role', 'invalid_choice', '角色：不是可选的值（可选：admin, clerk, backoffice, agent, supervisor）'],
];

function userCount(): number {
  return h.db.prepare('SELECT count(*) FROM users').pluck().get() as number;
}

describe('POST /users validation', () => {
  for (const [what, body, field, code, message] of userCases) {
    it(`${what} → 400 on ${field}`, async () => {
      const before = userCount();
      const res = await h.api('POST', '/users', { token: admin, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation');
      expect(res.body.error.details).toEqual([expect.objectContaining({ field, code })]);
      expect(res.body.error.message).toBe(message);
      expect(userCount()).toBe(before);
    });
  }

  it('names the field in English when asked', async () => {
    const res = await h.api('POST', '/users', { token: admin, body: { ...goodUser, password: 'short' }, lang: 'en-US,en;q=0.9' });
    expect(res.body.error.message).toBe('Password: needs at least 8 characters');
  });

  it('reports every bad field at once', async () => {
    const res = await h.api('POST', '/users', { token: admin, body: {} });
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['displayName', 'password', 'role', 'username']);
  });

  it('accepts the good body', async () => {
    const res = await h.api('POST', '/users', { token: admin, body: goodUser });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'wangfang', displayName: '王芳', role: 'clerk', active: true });
    expect(JSON.stringify(res.body)).not.toContain('long-enough-1');
  });
});

describe('other bodies and params', () => {
  it('PATCH /users/:id with nothing to change', async () => {
    const res = await h.api('PATCH', '/users/1', { token: admin, body: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].code).toBe('empty_update');
  });

  it('PATCH /users/:id with an id that is not a number', async () => {
    const res = await h.api('PATCH', '/users/abc', { token: admin, body: { displayName: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('id');
  });

  it('PATCH /users/:id for a user that does not exist', async () => {
    expect((await h.api('PATCH', '/users/999', { token: admin, body: { displayName: 'x' } })).status).toBe(404);
  });

  it('POST /devices with a bad kind and an empty name', async () => {
    const before = h.db.prepare('SELECT count(*) FROM devices').pluck().get();
    const res = await h.api('POST', '/devices', { token: admin, body: { name: '', kind: 'toaster' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['kind', 'name']);
    expect(res.body.error.message).toContain('名称：');
    expect(res.body.error.message).toContain('类型：');
    expect(h.db.prepare('SELECT count(*) FROM devices').pluck().get()).toBe(before);
  });

  it('POST /auth/login without a password', async () => {
    const res = await h.api('POST', '/auth/login', { body: { username: 'admin' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'password', code: 'required' }]);
  });

  it('broken JSON is a 400 about the body, never a 500', async () => {
    const res = await h.api('POST', '/auth/login', { rawBody: '{"username": "adm' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('_body');
  });

  it('a JSON array or string where an object belongs is a 400', async () => {
    for (const raw of ['[]', '"text"', 'null', '42']) {
      const res = await h.api('POST', '/devices', { token: admin, rawBody: raw });
      expect({ raw, status: res.status }).toEqual({ raw, status: 400 });
    }
  });

  it('a body over the size limit is a 400', async () => {
    const res = await h.api('POST', '/auth/login', { body: { username: 'a'.repeat(3 * 1024 * 1024), password: 'x' } });
    expect(res.status).toBe(400);
  });
});
