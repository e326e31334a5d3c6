// Queue set-up by the admin: categories and the windows that serve them, in order.
import type { Db } from '../../../db/connection.js';
import { all, get, run, sql } from '../../../db/sql.js';
import type {
  CategoryView,
  CreateCategoryRequest,
  CreateWindowRequest,
  UpdateCategoryRequest,
  UpdateWindowRequest,
  WindowStatus,
  WindowView,
} from '../../contract/queue.js';
import { appendAudit } from '../audit/chain.js';
import type { Clock } from '../clock.js';
import { conflict, notFound, validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';

interface CategoryRow {
  id: number;
  code: string;
  name: string;
  prefix: string;
  description: string;
  daily_limit: number | null;
  priority_allowed: number;
  item_code: string | null;
  sort_order: number;
  active: number;
}

export const toCategoryView = (r: CategoryRow): CategoryView => ({
  code: r.code,
  name: r.name,
  prefix: r.prefix,
  description: r.description,
  dailyLimit: r.daily_limit,
  priorityAllowed: r.priority_allowed === 1,
  itemCode: r.item_code,
  sortOrder: r.sort_order,
  active: r.active === 1,
});

export function listCategories(db: Db): CategoryView[] {
  return all<CategoryRow>(db, sql`SELECT * FROM queue_categories ORDER BY sort_order, code`).map(toCategoryView);
}

export function categoryByCode(db: Db, code: string): CategoryRow | undefined {
  return get<CategoryRow>(db, sql`SELECT * FROM queue_categories WHERE code = ${code}`);
}

/** Two active categories with one prefix would both issue A001 and the display would call an ambiguous number. */
function assertPrefixFree(db: Db, prefix: string, exceptId: number | null): void {
  const holder = get<{ code: string }>(
    db,
    sql`SELECT code FROM queue_categories WHERE prefix = ${prefix} AND active = 1 AND id IS NOT ${exceptId}`,
  );
  if (holder) throw conflict('prefix_taken', { prefix, code: holder.code }, [{ field: 'prefix', code: 'taken', params: { prefix, code: holder.code } }]);
}

export function createCategory(db: Db, clock: Clock, actor: Actor, input: CreateCategoryRequest): CategoryView {
  return db.transaction(() => {
    if (categoryByCode(db, input.code)) throw conflict('category_taken', { code: input.code }, [{ field: 'code', code: 'taken' }]);
    assertPrefixFree(db, input.prefix, null);
    run(
      db,
      sql`INSERT INTO queue_categories (code, name, prefix, description, daily_limit, priority_allowed, item_code, sort_order)
          VALUES (${input.code}, ${input.name}, ${input.prefix}, ${input.description}, ${input.dailyLimit},
                  ${input.priorityAllowed}, ${input.itemCode}, ${input.sortOrder})`,
    );
    appendAudit(db, actor, clock.now(), { action: 'category-create', entity: 'queue-category', entityId: input.code, detail: { name: input.name } });
    return toCategoryView(categoryByCode(db, input.code)!);
  }).immediate();
}

export function updateCategory(db: Db, clock: Clock, actor: Actor, code: string, input: UpdateCategoryRequest): CategoryView {
  return db.transaction(() => {
    const before = categoryByCode(db, code);
    if (!before) throw notFound();
    const has = (k: keyof UpdateCategoryRequest) => input[k] !== undefined;
    if (input.active ?? before.active === 1) assertPrefixFree(db, input.prefix ?? before.prefix, before.id);
    run(
      db,
      sql`UPDATE queue_categories SET
            name = ${input.name ?? before.name},
            prefix = ${input.prefix ?? before.prefix},
            description = ${input.description ?? before.description},
            daily_limit = ${has('dailyLimit') ? input.dailyLimit : before.daily_limit},
            priority_allowed = ${input.priorityAllowed ?? before.priority_allowed === 1},
            item_code = ${has('itemCode') ? input.itemCode : before.item_code},
            sort_order = ${input.sortOrder ?? before.sort_order},
            active = ${input.active ?? before.active === 1}
          WHERE id = ${before.id}`,
    );
    const was = toCategoryView(before);
    const now = toCategoryView(categoryByCode(db, code)!);
    // The values, not only the field names: a prefix changed mid-day changes the numbers called.
    const changes = Object.fromEntries(
      (Object.keys(input) as Array<keyof UpdateCategoryRequest>).filter((k) => was[k] !== now[k]).map((k) => [k, { before: was[k], after: now[k] }]),
    );
    appendAudit(db, actor, clock.now(), { action: 'category-update', entity: 'queue-category', entityId: code, detail: { fields: Object.keys(input), changes } });
    return now;
  }).immediate();
}

interface WindowRow {
  id: number;
  number: number;
  name: string;
  status: WindowStatus;
  clerk_id: number | null;
  clerk_name: string | null;
  rating_device_id: number | null;
  active: number;
  category_codes: string | null;
}

const WINDOW_SELECT = sql`
  SELECT w.id, w.number, w.name, w.status, w.clerk_id, u.display_name AS clerk_name, w.rating_device_id, w.active,
         (SELECT json_group_array(code) FROM (SELECT c.code FROM window_categories wc JOIN queue_categories c ON c.id = wc.category_id
           WHERE wc.window_id = w.id ORDER BY wc.position)) AS category_codes
  FROM windows w LEFT JOIN users u ON u.id = w.clerk_id`;

const toWindowView = (r: WindowRow): WindowView => ({
  id: r.id,
  number: r.number,
  name: r.name,
  categoryCodes: r.category_codes ? (JSON.parse(r.category_codes) as string[]) : [],
  status: r.status,
  clerk: r.clerk_id !== null ? { id: r.clerk_id, displayName: r.clerk_name ?? '' } : null,
  ratingDeviceId: r.rating_device_id,
  active: r.active === 1,
});

export function listWindows(db: Db): WindowView[] {
  return all<WindowRow>(db, sql`${WINDOW_SELECT} ORDER BY w.number`).map(toWindowView);
}

export function findWindow(db: Db, id: number): WindowView | undefined {
  const row = get<WindowRow>(db, sql`${WINDOW_SELECT} WHERE w.id = ${id}`);
  return row && toWindowView(row);
}

function setWindowCategories(db: Db, windowId: number, codes: readonly string[]): void {
  const ids = codes.map((code, i) => {
    const category = categoryByCode(db, code);
    if (!category) throw validationError([{ field: `categoryCodes.${i}`, code: 'unknown_category', params: { code } }]);
    return category.id;
  });
  if (new Set(ids).size !== ids.length) throw validationError([{ field: 'categoryCodes', code: 'duplicate' }]);
  run(db, sql`DELETE FROM window_categories WHERE window_id = ${windowId}`);
  ids.forEach((categoryId, position) =>
    run(db, sql`INSERT INTO window_categories (window_id, category_id, position) VALUES (${windowId}, ${categoryId}, ${position})`),
  );
}

function checkRatingDevice(db: Db, deviceId: number | null | undefined): void {
  if (deviceId == null) return;
  const device = get<{ kind: string }>(db, sql`SELECT kind FROM devices WHERE id = ${deviceId} AND revoked_at IS NULL`);
  if (device?.kind !== 'rating') throw validationError([{ field: 'ratingDeviceId', code: 'not_rating_device' }]);
}

export function createWindow(db: Db, clock: Clock, actor: Actor, input: CreateWindowRequest): WindowView {
  return db.transaction(() => {
    if (get(db, sql`SELECT 1 FROM windows WHERE number = ${input.number}`)) {
      throw conflict('window_taken', { number: input.number }, [{ field: 'number', code: 'taken' }]);
    }
    checkRatingDevice(db, input.ratingDeviceId);
    const { lastInsertRowid } = run(
      db,
      sql`INSERT INTO windows (number, name, rating_device_id) VALUES (${input.number}, ${input.name}, ${input.ratingDeviceId})`,
    );
    const id = Number(lastInsertRowid);
    setWindowCategories(db, id, input.categoryCodes);
    appendAudit(db, actor, clock.now(), { action: 'window-create', entity: 'window', entityId: id, detail: { number: input.number, categories: input.categoryCodes } });
    return findWindow(db, id)!;
  }).immediate();
}

export function updateWindow(db: Db, clock: Clock, actor: Actor, id: number, input: UpdateWindowRequest): WindowView {
  return db.transaction(() => {
    const before = findWindow(db, id);
    if (!before) throw notFound();
    if (input.ratingDeviceId !== undefined) checkRatingDevice(db, input.ratingDeviceId);
    run(
      db,
      sql`UPDATE windows SET name = ${input.name ?? before.name},
            rating_device_id = ${input.ratingDeviceId !== undefined ? input.ratingDeviceId : before.ratingDeviceId},
            active = ${input.active ?? before.active}
          WHERE id = ${id}`,
    );
    if (input.categoryCodes) setWindowCategories(db, id, input.categoryCodes);
    const after = findWindow(db, id)!;
    const changes = Object.fromEntries(
      (Object.keys(input) as Array<keyof UpdateWindowRequest>)
        .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
        .map((k) => [k, { before: before[k], after: after[k] }]),
    );
    appendAudit(db, actor, clock.now(), { action: 'window-update', entity: 'window', entityId: id, detail: { fields: Object.keys(input), changes } });
    return after;
  }).immediate();
}
