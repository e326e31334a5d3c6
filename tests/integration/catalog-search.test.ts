// The kiosk's guide search on the shipped catalogue: the everyday words citizens use (低保, 户口) in
// characters, pinyin and initials, best match first, and the texts of the queue categories the kiosk
// home shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogIfEmpty } from '../../electron/hall/catalog/load-catalog.js';
import { ADMIN_PASSWORD, startHall, type TestHall } from './support/hall.js';

let h: TestHall;
let admin: string;
let kiosk: string;

beforeAll(async () => {
  h = await startHall();
  loadCatalogIfEmpty(h.db, h.clock);
  admin = await h.login('admin', ADMIN_PASSWORD);
  kiosk = (await h.api('POST', '/devices', { token: admin, body: { name: '取号机', kind: 'kiosk' } })).body.token;
});
afterAll(() => h.close());

async function search(q: string): Promise<string[]> {
  const res = await h.api('GET', `/items?q=${encodeURIComponent(q)}`, { token: kiosk });
  expect(res.status).toBe(200);
  return res.body.map((i: { code: string; name: string }) => `${i.code} ${i.name}`);
}

const DIBAO = ['0500010000 最低生活保障', '0500010100 最低生活保障申请', '0500010200 最低生活保障待遇变更', '0500010300 最低生活保障退出'];

describe('GET /items?q= on the shipped catalogue', () => {
  it('finds 最低生活保障 and its sub-items by 低保 and by "dibao"', async () => {
    expect(await search('低保')).toEqual(DIBAO);
    expect(await search('dibao')).toEqual(DIBAO);
    expect(await search('DiBao')).toEqual(DIBAO);
  });

  it('finds 户籍证明开具 by 户口 and puts it first for "hj", above 宅基地', async () => {
    expect(await search('户口')).toEqual(['0700020000 户籍证明开具']);
    const hj = await search('hj');
    expect(hj[0]).toBe('0700020000 户籍证明开具');
    expect(hj).toContain('0100010000 农村宅基地和建房（规划许可）审批');
  });

  it('finds the everyday words 社保, 医保, 身份证 and 宅基地', async () => {
    expect(await search('社保')).toEqual(expect.arrayContaining(['2000010000 城乡居民基本养老保险参保登记', '2000020000 城乡居民基本养老保险待遇领取']));
    expect(await search('医保')).toContain('2000040000 城乡居民基本医疗保险参保登记');
    expect((await search('身份证'))[0]).toBe('0700010000 居民身份证申领（代收）');
    expect((await search('zjd'))[0]).toBe('0100010000 农村宅基地和建房（规划许可）审批');
  });

  // The words of the demo queue categories' descriptions (electron/hall/demo.ts), as the kiosk home shows them.
  it.each(['养老保险', '医疗保险参保登记', '资格认证', '低保', '特困', '临时救助', '残疾人两项补贴', '高龄津贴', '农业补贴', '宅基地建房', '就业登记', '退役军人'])(
    'finds at least one item for the kiosk home word %s',
    async (word) => {
      expect((await search(word)).length).toBeGreaterThan(0);
    },
  );

  it('finds the item a queue category links to by the words of its name and description', async () => {
    expect(await search('急难')).not.toContain('0500020000 特困人员救助供养');
    const res = await h.api('POST', '/queue/categories', {
      token: admin,
      body: { code: 'T', name: '兜底保障', prefix: 'T', description: '五保供养、急难救助', itemCode: '0500020000' },
    });
    expect(res.status).toBe(201);
    expect(await search('兜底')).toEqual(['0500020000 特困人员救助供养']);
    expect(await search('ddbz')).toEqual(['0500020000 特困人员救助供养']);
    // A keyword match (临时救助's 急难救助) ranks above a category-text match.
    expect(await search('急难')).toEqual(['0500030000 临时救助', '0500020000 特困人员救助供养']);
  });
});
