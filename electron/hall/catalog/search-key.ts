// The search key an item carries: its name, the name's full pinyin and initials, its code, then each
// keyword in the same three forms, so the kiosk finds 户籍 by "户籍", "huji" or "hj" and 最低生活保障 by
// its keyword 低保 or "dibao" with one LIKE instead of converting every name per request.
import { pinyin } from 'pinyin-pro';

function compact(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}

/** A text, its full pinyin and its initials, each compacted. */
export function spellingsOf(text: string): string[] {
  const plain = text.replace(/\|/g, '');
  const syllables = pinyin(plain, { toneType: 'none', type: 'array', v: true }).map(compact).filter(Boolean);
  return [compact(plain), syllables.join(''), syllables.map((s) => s.charAt(0)).join('')];
}

/** Parts of the key before the keywords: name, full pinyin, initials, code. */
const NAME_PARTS = 3;
const KEYWORDS_FROM = 4;

export function searchKeyOf(item: { name: string; code: string; keywords?: readonly string[] }): string {
  // '|' keeps a match from running across two parts ("…ming" + "hj…").
  return [...spellingsOf(item.name), compact(item.code), ...(item.keywords ?? []).flatMap(spellingsOf)].join('|');
}

/** The needle for a query: lower case, no spaces, LIKE wildcards escaped (with `\`). */
export function searchNeedle(q: string): string {
  return compact(q).replace(/[\\%_|]/g, (c) => `\\${c}`);
}

/** Whether a text (a queue category's name or description) matches the query in any spelling. */
export function textMatches(text: string, q: string): boolean {
  const needle = compact(q);
  return needle.length > 0 && spellingsOf(text).some((s) => s.includes(needle));
}

/**
 * Where the query matched, best first: 0 the start of the name (in characters, pinyin or initials),
 * 1 a keyword, 2 elsewhere in the name, 3 anything else (the code, a queue category's text). So "hj"
 * puts 户籍证明 (hjzm…) above 农村宅基地和建房 (…jdhj…), whose match runs across two words.
 */
export function matchRank(key: string, q: string): number {
  const needle = compact(q);
  const parts = key.split('|');
  const name = parts.slice(0, NAME_PARTS);
  if (name.some((p) => p.startsWith(needle))) return 0;
  if (parts.slice(KEYWORDS_FROM).some((p) => p.includes(needle))) return 1;
  if (name.some((p) => p.includes(needle))) return 2;
  return 3;
}
