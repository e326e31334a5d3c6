// Opening follows the working-day calendar (holidays closed, 调休 make-up days open) and the hours
// allow two periods a day; closed, the kiosk learns when the hall opens next. The hall reckons in
// Asia/Shanghai whatever the process's zone: every instant below is written in UTC (China − 8 h).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
const LUNCH_BREAK = [
  { open: '08:30', close: '12:00' },
  { open: '14:00', close: '17:30' },
];
beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h, 1, [['A']]);
  const settings = (await h.api('GET', '/queue/settings', { token: q.admin })).body;
  const saved = await h.api('PUT', '/queue/settings', { token: q.admin, body: { ...settings, periods: LUNCH_BREAK, weekdays: [1, 2, 3, 4, 5], holidaysClosed: true } });
  expect(saved.status).toBe(200);
});
afterAll(() => h.close());

const setClock = (iso: string) => h.clock.advance(Date.parse(iso) - h.clock.now().getTime());
const take = (lang = 'zh-CN') => h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' }, lang });
const state = async () => (await h.api('GET', '/queue/state', { token: q.kiosk })).body;

describe('opening days come from the calendar', () => {
  it('issues on a 调休 working Saturday (2026-02-28, 10:00)', async () => {
    setClock('2026-02-28T02:00:00Z');
    const res = await take();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 'A001', businessDay: '2026-02-28' });
    expect(await state()).toMatchObject({ open: true, nextOpen: null });
  });

  it('refuses on National Day (2026-10-01, 10:00) and names the first day after the holiday', async () => {
    setClock('2026-10-01T02:00:00Z');
    const res = await take();
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('现在不是办理时间。下次开放：10月8日 08:30');
    expect(res.body.error.details).toEqual({ nextOpen: { date: '2026-10-08', time: '08:30' } });
    expect((await take('en')).body.error.message).toBe('The hall is closed now. Next opening: 2026-10-08 at 08:30');
    expect(await state()).toMatchObject({ open: false, nextOpen: { date: '2026-10-08', time: '08:30' } });
    expect(h.db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE business_day = '2026-10-01'").get()).toEqual({ n: 0 });
  });

  it('a demo set-up that ignores the calendar opens on National Day; switched back, it is closed again', async () => {
    setClock('2026-10-01T03:00:00Z');
    const admin = await h.login('admin', ADMIN_PASSWORD);
    const settings = (await h.api('GET', '/queue/settings', { token: admin })).body;
    expect(settings.holidaysClosed).toBe(true);
    expect((await h.api('PUT', '/queue/settings', { token: admin, body: { ...settings, holidaysClosed: false } })).status).toBe(200);
    expect((await take()).status).toBe(201);
    await h.api('PUT', '/queue/settings', { token: admin, body: { ...settings, holidaysClosed: true } });
    expect((await take()).status).toBe(422);
  });

  it('on a plain Sunday says the Monday (下次开放：3月2日 08:30)', async () => {
    setClock('2026-03-01T02:00:00Z');
    expect((await take()).body.error.message).toBe('现在不是办理时间。下次开放：3月2日 08:30');
  });

  it('on Friday evening before a make-up Saturday says the Saturday', async () => {
    setClock('2026-02-27T10:00:00Z'); // 18:00
    expect((await state()).nextOpen).toEqual({ date: '2026-02-28', time: '08:30' });
  });
});

describe('two periods a day', () => {
  it('is open in the morning, closed over lunch (opening again at 14:00), open in the afternoon', async () => {
    setClock('2026-03-02T03:59:00Z'); // 11:59
    expect((await take()).status).toBe(201);
    setClock('2026-03-02T04:00:00Z'); // 12:00
    const lunch = await take();
    expect(lunch.status).toBe(422);
    expect(lunch.body.error.details.nextOpen).toEqual({ date: '2026-03-02', time: '14:00' });
    expect(await state()).toMatchObject({ open: false, nextOpen: { date: '2026-03-02', time: '14:00' } });
    setClock('2026-03-02T06:00:00Z'); // 14:00
    expect((await take()).status).toBe(201);
    setClock('2026-03-02T09:30:00Z'); // 17:30
    expect((await take()).body.error.details.nextOpen).toEqual({ date: '2026-03-03', time: '08:30' });
  });

  it('refuses periods out of order or overlapping, naming the field, and keeps the saved hours', async () => {
    const settings = (await h.api('GET', '/queue/settings', { token: q.admin })).body;
    const backwards = await h.api('PUT', '/queue/settings', { token: q.admin, body: { ...settings, periods: [{ open: '12:00', close: '08:30' }] } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].field).toBe('periods.0.close');
    const overlap = await h.api('PUT', '/queue/settings', {
      token: q.admin,
      body: { ...settings, periods: [{ open: '08:30', close: '12:00' }, { open: '11:00', close: '17:30' }] },
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.details[0].field).toBe('periods');
    const three = await h.api('PUT', '/queue/settings', { token: q.admin, body: { ...settings, periods: [...LUNCH_BREAK, { open: '18:00', close: '19:00' }] } });
    expect(three.status).toBe(400);
    expect((await h.api('GET', '/queue/settings', { token: q.admin })).body.periods).toEqual(LUNCH_BREAK);
  });
});
