// Items get keywords: the everyday words and common names citizens search by (低保, 户口, 社保), which
// the official item name often does not contain. Existing rows keep their search key until rewritten.
import type { Db } from '../connection.js';

export const version = 12;
export const name = 'item-keywords';

export function up(db: Db): void {
  db.exec(`ALTER TABLE items ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(keywords));`);
}
