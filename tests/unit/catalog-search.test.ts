// The search key: an item is found by its Chinese name, full pinyin or initials, with one LIKE.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { searchKeyOf, searchNeedle } from '../../electron/hall/catalog/search-key.js';
import { createItem, listItems } from '../../electron/hall/catalog/item-service.js';
import { SYSTEM_ACTOR } from '../../electron/hall/http/principal.js';
import { Item } from '../../electron/contract/catalog.js';

const base = { department: '县公安局', implementingBody: '县公安局', promisedLimit: { value: 0, unit: 'working_days' }, visits: 1, handlingLevel: 'county', type: '07' } as const;

describe('searchKeyOf', () => {
  it('holds the name, its full pinyin, its initials and the code', () => {
    expect(searchKeyOf({ name: '户籍证明开具', code: '0700020000' })).toBe('户籍证明开具|hujizhengmingkaiju|hjzmkj|0700020000');
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
