// Migration 15 widened ratings_by_created to eight columns so the rating figures could be read from
// the index alone; since migration 16 they come from the day sums (rating_daily, rating_service_daily)
// and the partial indexes on business_day, and nothing reads ratings by created_at any more. The index
// only cost every rating a page written and a year's hall about 30 MB.
import type { Db } from '../connection.js';

export const version = 18;
export const name = 'drop-ratings-by-created';

export function up(db: Db): void {
  db.exec('DROP INDEX ratings_by_created;');
}
