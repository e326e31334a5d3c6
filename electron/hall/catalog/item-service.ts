// The catalogue's service functions: synchronous, one transaction per change, each change audited.
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';
import type { Item, ItemSummary, UpdateItemRequest } from '../../contract/catalog.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, notFound, validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { categoryItemCodes } from './category-items.js';
import { itemRow, toItem, toSummary, writeItem, type ItemRow } from './item-store.js';
import { matchRank, searchNeedle, textMatches } from './search-key.js';

export interface ItemFilter {
  q?: string | undefined;
  type?: string | undefined;
  department?: string | undefined;
  active?: boolean | undefined;
  category?: string | undefined;
}

/** The items of the active queue categories whose name or description matches the query: the kiosk
 *  home shows those texts, so a citizen searches by them. Categories are few; spelled per request. */
function itemCodesOfMatchingCategories(db: Db, q: string): string[] {
  const categories = all<{ name: string; description: string; item_code: string }>(
    db,
    sql`SELECT name, description, item_code FROM queue_categories WHERE active = 1 AND item_code IS NOT NULL`,
  );
  return categories.filter((c) => textMatches(c.name, q) || textMatches(c.description, q)).map((c) => c.item_code);
}

/** Items by filter; a query's results come best match first (matchRank), then by type and code. */
export function listItems(db: Db, filter: ItemFilter): ItemSummary[] {
  const where = [sql`1 = 1`];
  if (filter.q) {
    const byText = sql`search_key LIKE ${`%${searchNeedle(filter.q)}%`} ESCAPE '\\'`;
    const codes = itemCodesOfMatchingCategories(db, filter.q);
    const list = sql.join(codes.map((c) => sql`${c}`), ', ');
    where.push(codes.length ? sql`(${byText} OR code IN (${list}) OR parent_code IN (${list}))` : byText);
  }
  if (filter.type) where.push(sql`type = ${filter.type}`);
  if (filter.department) where.push(sql`department = ${filter.department}`);
  if (filter.active !== undefined) where.push(sql`active = ${filter.active}`);
  const ofCategory = filter.category === undefined ? null : categoryItemCodes(db, filter.category);
  if (ofCategory) where.push(ofCategory.length ? sql`code IN (${sql.join(ofCategory.map((c) => sql`${c}`), ', ')})` : sql`0 = 1`);
  const rows = all<ItemRow & { search_key: string }>(db, sql`SELECT * FROM items WHERE ${sql.join(where, ' AND ')} ORDER BY type, code`);
  const q = filter.q;
  // Array.prototype.sort is stable: within a rank the SQL order (type, code) stays.
  if (q) rows.sort((a, b) => matchRank(a.search_key, q) - matchRank(b.search_key, q));
  else if (ofCategory) rows.sort((a, b) => ofCategory.indexOf(a.code) - ofCategory.indexOf(b.code));
  return rows.map(toSummary);
}

export function findItem(db: Db, code: string): Item | undefined {
  const row = itemRow(db, code);
  return row && toItem(db, row);
}

export function itemCount(db: Db): number {
  return get<{ n: number }>(db, sql`SELECT count(*) AS n FROM items`)!.n;
}

/** A parent must be in the catalogue (or, during an import, in the same file). */
export function checkParent(db: Db, item: Item, alsoKnown: ReadonlySet<string> = new Set()): void {
  if (item.parentCode && !alsoKnown.has(item.parentCode) && !itemRow(db, item.parentCode)) {
    throw validationError([{ field: 'parentCode', code: 'unknown_parent', params: { code: item.parentCode } }]);
  }
}

export function createItem(db: Db, clock: Clock, actor: Actor, item: Item): Item {
  return db.transaction(() => {
    if (itemRow(db, item.code)) throw conflict('item_taken', { code: item.code }, [{ field: 'code', code: 'taken' }]);
    checkParent(db, item);
    writeItem(db, item, clock.now().toISOString());
    appendAudit(db, actor, clock.now(), { action: 'item-create', entity: 'item', entityId: item.code, detail: { name: item.name } });
    return findItem(db, item.code)!;
  }).immediate();
}

export function updateItem(db: Db, clock: Clock, actor: Actor, code: string, input: UpdateItemRequest): Item {
  return db.transaction(() => {
    const before = findItem(db, code);
    if (!before) throw notFound();
    const item: Item = { ...input, code };
    if (item.parentCode === code) throw validationError([{ field: 'parentCode', code: 'self_parent' }]);
    checkParent(db, item);
    writeItem(db, item, clock.now().toISOString());
    const changed = (Object.keys(item) as Array<keyof Item>).filter((k) => JSON.stringify(item[k]) !== JSON.stringify(before[k]));
    appendAudit(db, actor, clock.now(), { action: 'item-update', entity: 'item', entityId: code, detail: { fields: changed } });
    return findItem(db, code)!;
  }).immediate();
}
