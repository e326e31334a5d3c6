// Import is all or nothing, a broken row is named by its number and field, and an exported file
// (JSON or xlsx) imports back to exactly the same catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';
import { testItem } from './support/catalog.js';

let h: TestHall;
let admin: string;

beforeAll(async () => {
  h = await startHall();
  admin = await h.login('admin', ADMIN_PASSWORD);
});
afterAll(() => h.close());

const count = () => (h.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;

async function exportFile(format: 'json' | 'xlsx'): Promise<Response> {
  return fetch(`${h.base}/api/v1/items/export?format=${format}`, { headers: { authorization: `Bearer ${admin}` } });
}

describe('import', () => {
  it('refuses the whole file when row 7 is broken, naming row 7 and the field', async () => {
    const items = Array.from({ length: 10 }, (_, i) => testItem(i + 1));
    items[6] = testItem(7, { visits: -1 });
    const res = await h.api('POST', '/items/import', { token: admin, body: { items } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ row: 7, field: 'visits', code: 'too_small', params: { min: 0 } }]);
    expect(res.body.error.message).toContain('第 7 行');
    expect(res.body.error.message).toContain('到现场次数');
    expect(count()).toBe(0);
  });

  it('refuses the whole file when a parent is missing, after checking every row', async () => {
    const items = [testItem(1), testItem(2, { parentCode: '7777777777' })];
    const res = await h.api('POST', '/items/import', { token: admin, body: { items }, lang: 'en' });
    expect(res.body.error.details).toEqual([{ row: 2, field: 'parentCode', code: 'unknown_parent', params: { code: '7777777777' } }]);
    expect(res.body.error.message).toContain('Row 2');
    expect(count()).toBe(0);
  });

  it('imports a good file, parents later in the file included', async () => {
    const items = [testItem(2, { parentCode: '2000000001', handlingKind: 'new' }), testItem(1, { keywords: ['低保', '社保'], legalLimit: { value: 20, unit: 'working_days' }, faq: [{ q: '要带什么？', a: '身份证。' }] }), testItem(3, { specialSteps: [{ name: '公示', limit: { value: 7, unit: 'days' }, counted: true }] })];
    const res = await h.api('POST', '/items/import', { token: admin, body: { items } });
    expect(res.body).toEqual({ created: 3, updated: 0, total: 3 });
  });
});

describe('export → import round trip', () => {
  it('JSON: the same file comes back', async () => {
    const first = await (await exportFile('json')).json();
    expect(first.items).toHaveLength(3);
    expect(first.items.find((i: { code: string }) => i.code === '2000000001').keywords).toEqual(['低保', '社保']);
    const res = await h.api('POST', '/items/import', { token: admin, body: first });
    expect(res.body).toEqual({ created: 0, updated: 3, total: 3 });
    expect(await (await exportFile('json')).json()).toEqual(first);
  });

  it('xlsx: the sheet imports back to the same catalogue', async () => {
    const before = await (await exportFile('json')).json();
    const sheet = await exportFile('xlsx');
    expect(sheet.headers.get('content-type')).toContain('spreadsheetml');
    const data = Buffer.from(await sheet.arrayBuffer()).toString('base64');
    h.db.exec('DELETE FROM item_materials; DELETE FROM items;');
    const res = await h.api('POST', '/items/import', { token: admin, body: { format: 'xlsx', data } });
    expect(res.body).toEqual({ created: 3, updated: 0, total: 3 });
    expect(await (await exportFile('json')).json()).toEqual(before);
    // The keywords came back from the sheet and are searched again.
    expect((await h.api('GET', '/items?q=dibao', { token: admin })).body.map((i: { code: string }) => i.code)).toEqual(['2000000001']);
  });

  it('xlsx: a file that is not a workbook is refused plainly', async () => {
    const res = await h.api('POST', '/items/import', { token: admin, body: { format: 'xlsx', data: Buffer.from('hello').toString('base64') } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ row: 1, field: 'data', code: 'not_xlsx' });
  });
});
