// Which catalogue items a queue category stands for, so the window's item picker starts on them. A
// category names one item (its slip's QR guide, with that item's sub-items); beyond that it is tied
// to items by its own words: the name and the description shown on the kiosk ("低保、特困、临时救助…"),
// which the admin edits in 排队设置. An item belongs when one of those words and the item's name or
// one of its keywords contain one another ("社保医保" holds the keyword 社保; "临时救助" is a name).
import type { Db } from '../../../db/connection.js';
import { all, get, sql } from '../../../db/sql.js';

/** Words shorter than this match too much by containment (a lone "证" is in half the catalogue). */
const MIN_WORD = 2;

/** The category's words: its name and description split at punctuation and spaces, "…等" trimmed. */
export function categoryWords(name: string, description: string): string[] {
  const words = `${name} ${description}`
    .split(/[\s,，、;；:：.。/／()（）"“”'‘’!！?？|]+/)
    .map((w) => w.replace(/等$/, '').trim())
    .filter((w) => [...w].length >= MIN_WORD);
  return [...new Set(words)];
}

/** Whether an item with these texts (its name and keywords) is one of the category's words' items. */
export function itemMatchesWords(texts: readonly string[], words: readonly string[]): boolean {
  return texts.some((text) => [...text].length >= MIN_WORD && words.some((word) => text.includes(word) || word.includes(text)));
}

interface CategoryRow {
  name: string;
  description: string;
  item_code: string | null;
}

/** The codes of the category's items (active ones), its own item and sub-items first; [] for an unknown category. */
export function categoryItemCodes(db: Db, categoryCode: string): string[] {
  const category = get<CategoryRow>(db, sql`SELECT name, description, item_code FROM queue_categories WHERE code = ${categoryCode}`);
  if (!category) return [];
  const words = categoryWords(category.name, category.description);
  const items = all<{ code: string; name: string; keywords: string; parent_code: string | null }>(
    db,
    sql`SELECT code, name, keywords, parent_code FROM items WHERE active = 1 ORDER BY type, code`,
  );
  const own = category.item_code;
  const linked = items.filter((i) => own !== null && (i.code === own || i.parent_code === own)).map((i) => i.code);
  const byWords = items
    .filter((i) => !linked.includes(i.code) && itemMatchesWords([i.name, ...(JSON.parse(i.keywords) as string[])], words))
    .map((i) => i.code);
  return [...linked, ...byWords];
}
