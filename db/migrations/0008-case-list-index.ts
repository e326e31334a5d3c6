// The back office's work list — one status, one item, most urgent first — at a million cases: with
// status and item both fixed, (due_date, id) order comes straight off this index, so a page reads its
// 50 rows and the count stays inside the index range instead of visiting every case of a popular item.
import type { Db } from '../connection.js';

export const version = 8;
export const name = 'case-list-index';

export function up(db: Db): void {
  db.exec(`CREATE INDEX cases_status_item_due ON cases(status, item_code, due_date, id);`);
}
