// Call-next takes priority tickets first, then tickets sent to this window, then the window's
// categories in arrival order. With only tickets_waiting it read and sorted every ticket of the day at
// each call (milliseconds with 5,000 waiting, times 30 counters calling at once). These two
// indexes hold only the few waiting priority and transferred-to-a-window tickets, so each candidate
// is one index seek and a plain ticket's issue or call writes no page of them.
import type { Db } from '../connection.js';

export const version = 17;
export const name = 'call-next-indexes';

export function up(db: Db): void {
  db.exec(`
    CREATE INDEX tickets_waiting_priority ON tickets(category_id, arrived_at, id) WHERE status = 'waiting' AND priority IS NOT NULL;
    CREATE INDEX tickets_waiting_targeted ON tickets(target_window_id, arrived_at, id) WHERE status = 'waiting' AND target_window_id IS NOT NULL;
  `);
}
