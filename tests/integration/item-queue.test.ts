// GET /items/:code/queue: which queue categories take an item and how many wait in each, for the
// guide's "take a ticket for this item" — public like the guide, only for items the hall offers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testItem } from './support/catalog.js';
import { startHall, type TestHall } from './support/hall.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;
const DIBAO = testItem(1, { name: '最低生活保障申请', keywords: ['低保', '吃低保'] });
const LINKED = testItem(2, { name: '城乡居民养老保险参保登记', keywords: ['养老'] });
const CHILD = testItem(3, { name: '城乡居民养老保险待遇领取', parentCode: LINKED.code });
const NOWHERE = testItem(4, { name: '农机购置补贴', keywords: ['农机'] });
const RETIRED = testItem(5, { name: '已停办的事项', keywords: ['低保'], active: false });

beforeAll(async () => {
  h = await startHall();
  q = await setupQueue(h); // A 社保医保 (社保、医保参保缴费), B 民政救助
  await h.api('PUT', '/queue/categories/B', { token: q.admin, body: { description: '低保、特困、临时救助' } });
  await h.api('PUT', '/queue/categories/A', { token: q.admin, body: { itemCode: LINKED.code } });
  for (const item of [DIBAO, LINKED, CHILD, NOWHERE, RETIRED]) expect((await h.api('POST', '/items', { token: q.admin, body: item })).status).toBe(201);
});
afterAll(() => h.close());

const queueOf = (code: string, token?: string) => h.api('GET', `/items/${code}/queue`, token ? { token } : {});

describe('GET /items/:code/queue', () => {
  it('finds the category by the item’s keyword in its description, with the people waiting, without any token', async () => {
    await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'B' } });
    const res = await queueOf(DIBAO.code);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ matched: true, categories: [{ code: 'B', name: '民政救助', waiting: 1, soldOut: false }], open: true, nextOpen: null });
  });

  it('prefers the category whose guide item is the item or its parent', async () => {
    expect((await queueOf(LINKED.code)).body.categories.map((c: { code: string }) => c.code)).toEqual(['A']);
    expect((await queueOf(CHILD.code)).body.categories.map((c: { code: string }) => c.code)).toEqual(['A']);
  });

  it('offers every category when none names the item', async () => {
    const res = await queueOf(NOWHERE.code);
    expect(res.body.matched).toBe(false);
    expect(res.body.categories.map((c: { code: string }) => c.code)).toEqual(['A', 'B']);
  });

  it('hides an item the hall does not offer from citizens (404), not from staff', async () => {
    expect((await queueOf(RETIRED.code)).status).toBe(404);
    expect((await queueOf(RETIRED.code, q.kiosk)).status).toBe(404);
    expect((await queueOf(RETIRED.code, q.admin)).status).toBe(200);
    expect((await queueOf('NO-SUCH-ITEM')).status).toBe(404);
  });

  it('says when the hall opens next while closed', async () => {
    const settings = (await h.api('GET', '/queue/settings', { token: q.admin })).body;
    await h.api('PUT', '/queue/settings', { token: q.admin, body: { ...settings, periods: [{ open: '08:30', close: '08:31' }] } });
    const res = await queueOf(DIBAO.code);
    expect(res.body.open).toBe(false);
    expect(res.body.nextOpen).toMatchObject({ time: '08:30' });
  });
});
