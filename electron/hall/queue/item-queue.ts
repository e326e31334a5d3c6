// Which queue categories take a catalogue item, and how many wait in each now: what the guide's
// "take a ticket for this item" needs (the kiosk issues the ticket; a phone is told where to go).
import { all, sql } from '../../../db/sql.js';
import { ItemCodeParam } from '../../contract/catalog.js';
import { ItemQueue } from '../../contract/queue.js';
import { findItem } from '../catalog/item-service.js';
import { textMatches } from '../catalog/search-key.js';
import type { HallContext } from '../context.js';
import { notFound } from '../http/errors.js';
import { queueState } from './state.js';

export interface CategoryText {
  code: string;
  name: string;
  description: string;
  itemCode: string | null;
}

/**
 * The categories an item is taken in, best evidence first: those whose guide item is this item (or
 * its parent); else those whose name or description names one of the item's keywords (低保 in
 * "低保、特困、临时救助"); else none, and the citizen chooses among all.
 */
export function categoriesForItem(categories: readonly CategoryText[], item: { code: string; parentCode: string | null; keywords: readonly string[] }): string[] {
  const linked = categories.filter((c) => c.itemCode !== null && (c.itemCode === item.code || c.itemCode === item.parentCode));
  if (linked.length > 0) return linked.map((c) => c.code);
  // One-character keywords would match almost any description.
  const words = item.keywords.filter((k) => k.trim().length >= 2);
  return categories.filter((c) => words.some((w) => textMatches(`${c.name} ${c.description}`, w))).map((c) => c.code);
}

export function registerItemQueueRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  hall.route({
    method: 'GET', url: '/items/:code/queue', tag: 'queue', summary: 'The categories that take an item and how many wait in each (public)', allow: 'public',
    params: ItemCodeParam, response: ItemQueue,
    handler: ({ params, principal }) => {
      const item = findItem(db, params.code);
      // As the guide itself: citizens see only the items the hall offers today.
      if (!item || (principal?.kind !== 'user' && !item.active)) throw notFound();
      const texts = all<{ code: string; name: string; description: string; item_code: string | null }>(
        db,
        sql`SELECT code, name, description, item_code FROM queue_categories WHERE active = 1 ORDER BY sort_order, code`,
      ).map((c) => ({ code: c.code, name: c.name, description: c.description, itemCode: c.item_code }));
      const codes = categoriesForItem(texts, item);
      const state = queueState(db, clock);
      const shown = state.categories.filter((c) => codes.length === 0 || codes.includes(c.code));
      return {
        matched: codes.length > 0,
        categories: shown.map((c) => ({ code: c.code, name: c.name, waiting: c.waiting, soldOut: c.soldOut })),
        open: state.open,
        nextOpen: state.nextOpen,
      };
    },
  });
}
