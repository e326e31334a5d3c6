// The search key an item carries: its name, the name's full pinyin and initials, and its code, so the
// kiosk finds 户籍 by "户籍", "huji" or "hj" with one LIKE instead of converting every name per request.
import { pinyin } from 'pinyin-pro';

function compact(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}

export function searchKeyOf(item: { name: string; code: string }): string {
  const syllables = pinyin(item.name, { toneType: 'none', type: 'array', v: true });
  const full = syllables.join('');
  const initials = syllables.map((s) => s.charAt(0)).join('');
  // '|' keeps a match from running across two parts ("…ming" + "hj…").
  return [compact(item.name), compact(full), compact(initials), compact(item.code)].join('|');
}

/** The needle for a query: lower case, no spaces, LIKE wildcards escaped (with `\`). */
export function searchNeedle(q: string): string {
  return compact(q).replace(/[\\%_|]/g, (c) => `\\${c}`);
}
