// Prefixes are unique among active categories: two "A001" the same day would make the display's call ambiguous.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h); // A (prefix A), B (prefix B)
});
afterAll(() => h.close());

const categories = () => h.db.prepare('SELECT code, prefix, active FROM queue_categories ORDER BY code').all();
const audits = () => (h.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'category-%'").get() as { n: number }).n;

describe('queue category prefixes', () => {
  it('refuses a new category with the prefix of an active one, naming prefix', async () => {
    const before = { rows: categories(), audits: audits() };
    const res = await h.api('POST', '/queue/categories', { token: q.admin, body: { code: 'C', name: '不动产', prefix: 'A' } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('A');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'prefix', code: 'taken' })]);
    expect({ rows: categories(), audits: audits() }).toEqual(before);
  });

  it('refuses changing a prefix to one an active category holds; keeping its own is fine', async () => {
    const res = await h.api('PUT', '/queue/categories/B', { token: q.admin, body: { prefix: 'A' } });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].field).toBe('prefix');
    expect((await h.api('PUT', '/queue/categories/B', { token: q.admin, body: { prefix: 'B', name: '民政' } })).status).toBe(200);
  });

  it('an inactive category frees its prefix, and cannot come back while the prefix is taken', async () => {
    expect((await h.api('PUT', '/queue/categories/B', { token: q.admin, body: { active: false } })).status).toBe(200);
    const c = await h.api('POST', '/queue/categories', { token: q.admin, body: { code: 'C', name: '综合受理', prefix: 'B' } });
    expect(c.status).toBe(201);
    const back = await h.api('PUT', '/queue/categories/B', { token: q.admin, body: { active: true } });
    expect(back.status).toBe(409);
    expect(back.body.error.details[0].field).toBe('prefix');
    expect(categories()).toContainEqual({ code: 'B', prefix: 'B', active: 0 });
    // Back with a free prefix in the same request: accepted.
    const moved = await h.api('PUT', '/queue/categories/B', { token: q.admin, body: { active: true, prefix: 'M' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ prefix: 'M', active: true });
  });

  it('a partial update changes only the fields it names (no defaults reset the rest)', async () => {
    const full = { name: '民政救助', description: '低保、临时救助', dailyLimit: 80, priorityAllowed: false, sortOrder: 5 };
    expect((await h.api('PUT', '/queue/categories/B', { token: q.admin, body: full })).status).toBe(200);
    const res = await h.api('PUT', '/queue/categories/B', { token: q.admin, body: { name: '民政事务' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...full, name: '民政事务' });
  });
});
