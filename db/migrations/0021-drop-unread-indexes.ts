// Two indexes that every ticket paid for and nothing needs any more. Each index a row goes into is one
// more page encrypted and written to the WAL at the row's commit (issue 11: a ticket wrote eight).
//
// audit_by_entity (entity, entity_id) came with the audit trail in migration 1, for a lookup by record
// that the hall never grew: the trail is read whole, in id order, by /audit/verify, and from its tail by
// backup and restore. It cost every audited write (each ticket issued, each call, each case step) a
// page. The village node's database keeps its own (db/village-migrations).
//
// tickets_by_day (business_day, category_id, status) served the day end's search for days to close,
// which read every past ticket's entry once a minute (1.7 s on a year of 5M tickets, on the event
// loop), and the dashboard's waiting queue. Both now read the partial indexes of open tickets
// (queue/day-end.ts, dashboard/queue-figures.ts); a day's tickets are found through the unique
// (business_day, category_id, seq) index, which has the same first two columns.
import type { Db } from '../connection.js';

export const version = 21;
export const name = 'drop-unread-indexes';

export function up(db: Db): void {
  db.exec('DROP INDEX audit_by_entity; DROP INDEX tickets_by_day;');
}
