// The counter's 本次办理事项 over real HTTP: the items of a ticket's service come from the cases
// received for it, and the window's item picker starts on the ticket's category's items — its own
// item with sub-items, then the items its kiosk words (name, description) name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Item } from '../../electron/contract/catalog.js';
import { writeItem } from '../../electron/hall/catalog/item-store.js';
import { startHall, type TestHall } from './support/hall.js';
import { PERSON } from './support/cases.js';
import { setupQueue, type QueueFixture } from './support/queue.js';

let h: TestHall;
let q: QueueFixture;

const MATERIALS = [{ name: '居民身份证', requirement: 'required', originals: 1, copies: 0, electronic: false, source: 'government' }];
const ITEMS: Array<[code: string, name: string, keywords: string[], parent?: string]> = [
  ['2000010000', '城乡居民基本养老保险参保登记', ['社保', '养老保险']],
  ['2000040000', '城乡居民基本医疗保险参保登记', ['医保', '参保']],
  ['0500010000', '最低生活保障', ['低保']],
  ['0500010100', '最低生活保障申请', ['低保申请'], '0500010000'],
  ['0500030000', '临时救助', ['救助']],
  ['0700020000', '户籍证明开具', ['户口', '户籍']],
  ['1000010000', '残疾人证办理', ['残疾证']],
  ['1000010100', '残疾人证申领', ['办残疾证'], '1000010000'],
];

beforeAll(async () => {
  h = await startHall();
  h.db.transaction(() => {
    for (const [code, name, keywords, parentCode] of ITEMS) {
      const item = { code, name, keywords, parentCode: parentCode ?? null, type: '07', department: '民政办', implementingBody: '某某镇人民政府', visits: 1, handlingLevel: 'town', promisedLimit: { value: 5, unit: 'working_days' }, materials: MATERIALS };
      writeItem(h.db, Item.parse(item), h.clock.now().toISOString());
    }
  })();
  // A: 社保医保 / 社保、医保参保缴费; B: 民政救助, no description yet.
  q = await setupQueue(h, 1, [['A', 'B']]);
});
afterAll(() => h.close());

const codesOf = async (query: string) => {
  const res = await h.api('GET', `/items?${query}`, { token: q.windows[0]!.clerk });
  expect(res.status).toBe(200);
  return (res.body as Array<{ code: string }>).map((i) => i.code);
};

describe("a category's items", () => {
  it('are the items its kiosk words name: 社保医保 → the pension and medical insurance items, nothing else', async () => {
    expect(await codesOf('category=A')).toEqual(['2000010000', '2000040000']);
  });

  it('follow the description the admin edits, and put the category’s own item and its sub-items first', async () => {
    expect(await codesOf('category=B')).toEqual(['0500030000']); // 民政救助 ⊃ 救助
    const put = await h.api('PUT', '/queue/categories/B', { token: q.admin, body: { description: '低保、临时救助等', itemCode: '1000010000' } });
    expect(put.status).toBe(200);
    expect(await codesOf('category=B')).toEqual(['1000010000', '1000010100', '0500010000', '0500010100', '0500030000']);
  });

  it('refuses a malformed category with a 400 naming it, and an unknown one has no items', async () => {
    const res = await h.api('GET', '/items?category=a%25', { token: q.windows[0]!.clerk });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('category');
    expect(await codesOf('category=ZZ')).toEqual([]);
  });
});

describe("a ticket's cases", () => {
  it('list the items received for the ticket, so 服务结束 records them without typing codes', async () => {
    const w = q.windows[0]!;
    const issued = await h.api('POST', '/queue/tickets', { token: q.kiosk, body: { categoryCode: 'A' } });
    expect(issued.status).toBe(201);
    const ticket = (await h.api('POST', `/windows/${w.id}/call-next`, { token: w.clerk })).body.ticket;
    expect((await h.api('POST', `/queue/tickets/${ticket.id}/start`, { token: w.clerk, body: {} })).status).toBe(200);
    expect((await h.api('GET', `/queue/tickets/${ticket.id}/cases`, { token: w.clerk })).body).toEqual([]);

    for (const itemCode of ['2000010000', '2000040000']) {
      const created = await h.api('POST', '/cases', { token: w.clerk, body: { itemCode, applicant: PERSON, materials: [], channel: 'window', ticketId: ticket.id } });
      expect(created.status).toBe(201);
    }
    // A walk-in's case at the same time is not this ticket's.
    expect((await h.api('POST', '/cases', { token: w.clerk, body: { itemCode: '0700020000', applicant: PERSON, materials: [], channel: 'window' } })).status).toBe(201);

    const cases = await h.api('GET', `/queue/tickets/${ticket.id}/cases`, { token: w.clerk });
    expect(cases.status).toBe(200);
    expect(cases.body.map((c: { itemCode: string; itemName: string; status: string }) => [c.itemCode, c.itemName, c.status])).toEqual([
      ['2000010000', '城乡居民基本养老保险参保登记', 'received'],
      ['2000040000', '城乡居民基本医疗保险参保登记', 'received'],
    ]);
    expect(JSON.stringify(cases.body)).not.toContain(PERSON.idNumber);
    expect(JSON.stringify(cases.body)).not.toContain(PERSON.name);

    const done = await h.api('POST', `/queue/tickets/${ticket.id}/complete`, { token: w.clerk, body: { itemCodes: cases.body.map((c: { itemCode: string }) => c.itemCode) } });
    expect(done.status).toBe(200);
    expect(done.body.itemsHandled).toEqual(['2000010000', '2000040000']);
    expect((await h.api('GET', '/queue/tickets/999999/cases', { token: w.clerk })).status).toBe(404);
  });
});
