// The search key: an item is found by its Chinese name, full pinyin or initials, with one LIKE.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { matchRank, searchKeyOf, searchNeedle, textMatches } from '../../electron/hall/catalog/search-key.js';
import { createItem, listItems } from '../../electron/hall/catalog/item-service.js';
import { SYSTEM_ACTOR } from '../../electron/hall/http/principal.js';
import { Item } from '../../electron/contract/catalog.js';

const base = { department: '县公安局', implementingBody: '县公安局', promisedLimit: { value: 0, unit: 'working_days' }, visits: 1, handlingLevel: 'county', type: '07' } as const;

describe('searchKeyOf', () => {
  it('holds the name, its full pinyin, its initials and the code', () => {
    expect(searchKeyOf({ name: '户籍证明开具', code: '0700020000' })).toBe('户籍证明开具|hujizhengmingkaiju|hjzmkj|0700020000');
  });

  it('adds each keyword in characters, full pinyin and initials', () => {
    expect(searchKeyOf({ name: '最低生活保障', code: '0500010000', keywords: ['低保'] })).toBe(
      '最低生活保障|zuidishenghuobaozhang|zdshbz|0500010000|低保|dibao|db',
    );
    expect(searchKeyOf({ name: '户籍证明', code: 'X', keywords: ['a|b'] })).toBe('户籍证明|hujizhengming|hjzm|x|ab|ab|ab');
  });

  it('escapes LIKE wildcards and drops spaces from the query', () => {
    expect(searchNeedle(' Hu Ji ')).toBe('huji');
    expect(searchNeedle('50%_')).toBe('50\\%\\_');
  });
});

describe('listItems search', () => {
  const db = openDatabase(':memory:');
  migrate(db);
  const clock = { now: () => new Date('2026-03-02T01:00:00Z') };
  for (const [code, name] of [['0700020000', '户籍证明开具'], ['2000080000', '就业登记'], ['0500030000', '临时救助']] as const) {
    createItem(db, clock, SYSTEM_ACTOR, Item.parse({ ...base, code, name }));
  }
  const find = (q: string) => listItems(db, { q }).map((i) => i.name);

  it.each(['户籍', 'huji', 'hj', 'HJ', 'hu ji', 'hjzm'])('finds 户籍 by %s', (q) => {
    expect(find(q)).toEqual(['户籍证明开具']);
  });

  it('finds by code and not across the parts of the key', () => {
    expect(find('07000200')).toEqual(['户籍证明开具']);
    expect(find('kjhj')).toEqual([]);
    expect(find('%')).toEqual([]);
  });

  it('finds nothing for a query that matches no item', () => {
    expect(find('zzz')).toEqual([]);
    expect(find('jy')).toEqual(['就业登记']);
  });
});

describe('matchRank', () => {
  const huji = searchKeyOf({ name: '户籍证明开具', code: '0700020000', keywords: ['户口'] });
  const zhaijidi = searchKeyOf({ name: '农村宅基地和建房（规划许可）审批', code: '0100010000', keywords: ['宅基地'] });

  it('ranks the start of the name, then keywords, then the rest of the name, then anything else', () => {
    expect(matchRank(huji, 'hj')).toBe(0);
    expect(matchRank(huji, '户籍')).toBe(0);
    expect(matchRank(huji, 'hukou')).toBe(1);
    expect(matchRank(zhaijidi, 'hj')).toBe(2);
    expect(matchRank(zhaijidi, 'zjd')).toBe(1);
    expect(matchRank(huji, '0700')).toBe(3);
  });

  it('matches a category text in any spelling', () => {
    expect(textMatches('低保、特困、临时救助', 'dibao')).toBe(true);
    expect(textMatches('低保、特困、临时救助', 'tk')).toBe(true);
    expect(textMatches('低保、特困、临时救助', 'hj')).toBe(false);
    expect(textMatches('低保', ' ')).toBe(false);
  });
});

describe('listItems ranking', () => {
  const db = openDatabase(':memory:');
  migrate(db);
  const clock = { now: () => new Date('2026-03-02T01:00:00Z') };
  const items = [
    ['0100010000', '农村宅基地和建房（规划许可）审批', ['宅基地']],
    ['0500010000', '最低生活保障', ['低保']],
    ['0500030000', '临时救助', []],
    ['0700010000', '居民身份证申领（代收）', ['身份证']],
    ['0700020000', '户籍证明开具', ['户口']],
  ] as const;
  for (const [code, name, keywords] of items) createItem(db, clock, SYSTEM_ACTOR, Item.parse({ ...base, code, name, keywords }));
  const find = (q: string) => listItems(db, { q }).map((i) => i.code);

  it('puts 户籍 above 宅基地 for "hj" although 01 sorts before 07', () => {
    expect(find('hj')).toEqual(['0700020000', '0100010000']);
  });

  it('finds items by keyword in characters, pinyin and initials', () => {
    expect(find('低保')).toEqual(['0500010000']);
    expect(find('dibao')).toEqual(['0500010000']);
    expect(find('户口')).toEqual(['0700020000']);
    expect(find('sfz')).toEqual(['0700010000']);
  });

  it('finds the item a queue category names when the query matches the category text', () => {
    db.prepare("INSERT INTO queue_categories (code, name, prefix, description, item_code) VALUES ('B', '民政事务', 'B', '特困、急难救助', '0500030000')").run();
    expect(find('特困')).toEqual(['0500030000']);
    expect(find('mzsw')).toEqual(['0500030000']);
    db.prepare("UPDATE queue_categories SET active = 0 WHERE code = 'B'").run();
    expect(find('特困')).toEqual([]);
  });
});
