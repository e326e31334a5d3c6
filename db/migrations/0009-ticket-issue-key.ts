// A kiosk whose reply was lost retries with the same key and gets the ticket it was already given,
// not a second one. The key is the terminal's own (a random id per button press), so it is unique
// per issuing device, not across the hall.
import type { Db } from '../connection.js';

export const version = 9;
export const name = 'ticket-issue-key';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE tickets ADD COLUMN issue_key TEXT;
    CREATE UNIQUE INDEX tickets_issue_key ON tickets(issued_by_device, issue_key) WHERE issue_key IS NOT NULL;
  `);
}
