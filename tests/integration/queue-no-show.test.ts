// 过号 (DOMAIN §7) only after the call was repeated (default 2 calls) or a set time since the first
// call (default 3 minutes); sooner is a 422 saying how many more calls or how long, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h, 1, [['A']]);
});
afterAll(() => h.close());

const callOne = async () => {
  await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } });
  const w = q.windows[0]!;
  return (await h.api('POST', `/windows/${w.id}/call-next`, { token: w.clerk })).body.ticket as { id: number; number: string };
};
const noShow = (id: number, lang = 'zh-CN') => h.api('POST', `/queue/tickets/${id}/no-show`, { token: q.windows[0]!.clerk, lang });
const auditCount = (id: number) => (h.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'ticket' AND entity_id = ?").get(String(id)) as { n: number }).n;

describe('no-show needs a repeated call or time since the first call', () => {
  it('refuses 10 s after the first call, saying how many calls or how long, and changes nothing', async () => {
    const t = await callOne();
    h.clock.advance(10_000);
    const audits = auditCount(t.id);
    const res = await noShow(t.id);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('domain_rule');
    expect(res.body.error.message).toBe(`${t.number} 号刚叫号不久：请再呼叫 1 次，或 2 分 50 秒后再标记过号`);
    expect(res.body.error.details).toEqual({ callsLeft: 1, secondsLeft: 170 });
    expect((await noShow(t.id, 'en')).body.error.message).toContain('1 more time(s), or wait 2 min 50 s');
    expect(h.db.prepare('SELECT status FROM tickets WHERE id = ?').get(t.id)).toEqual({ status: 'called' });
    expect(auditCount(t.id)).toBe(audits);
    // Once the time has passed it is accepted.
    h.clock.advance(170_000);
    expect((await noShow(t.id)).body.status).toBe('no_show');
  });

  it('accepts right after the call was repeated', async () => {
    const t = await callOne();
    expect((await noShow(t.id)).status).toBe(422);
    await h.api('POST', `/queue/tickets/${t.id}/recall`, { token: q.windows[0]!.clerk });
    const res = await noShow(t.id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('no_show');
  });

  it('follows the settings', async () => {
    const settings = (await h.api('GET', '/queue/settings', { token: q.admin })).body;
    expect(settings).toMatchObject({ noShowAfterCalls: 2, noShowAfterMinutes: 3 });
    expect((await h.api('PUT', '/queue/settings', { token: q.admin, body: { ...settings, noShowAfterCalls: 3, noShowAfterMinutes: 10 } })).status).toBe(200);
    const t = await callOne();
    await h.api('POST', `/queue/tickets/${t.id}/recall`, { token: q.windows[0]!.clerk });
    h.clock.advance(5 * 60_000);
    expect((await noShow(t.id)).body.error.details).toEqual({ callsLeft: 1, secondsLeft: 300 });
    h.clock.advance(5 * 60_000);
    expect((await noShow(t.id)).status).toBe(200);
    const bad = await h.api('PUT', '/queue/settings', { token: q.admin, body: { ...settings, noShowAfterCalls: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('noShowAfterCalls');
  });
});
