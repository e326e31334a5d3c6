// How many tickets wait per category and business day, kept beside the day's last number. Every
// ticket event carries the waiting count per category, and a ticket's reply says how many are ahead:
// both counted the waiting rows of the day at each ticket issued or called, a cost that grew with the
// queue (a busy morning's 500 waiting read 500 index entries twice per ticket). The counter sits in
// the queue_numbers row a ticket's issue already writes, so issuing writes no page more; the triggers
// keep it for every change of a ticket's status, day or category, whoever makes it (a call, a
// release back to the queue, a transfer's linked ticket, the day's end).
import type { Db } from '../connection.js';

export const version = 20;
export const name = 'queue-waiting-counts';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE queue_numbers ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;

    INSERT INTO queue_numbers (business_day, category_id, last_seq, waiting)
      SELECT business_day, category_id, 0, count(*) FROM tickets WHERE status = 'waiting' GROUP BY business_day, category_id
      ON CONFLICT (business_day, category_id) DO UPDATE SET waiting = excluded.waiting;

    CREATE TRIGGER tickets_waiting_insert AFTER INSERT ON tickets WHEN NEW.status = 'waiting' BEGIN
      INSERT INTO queue_numbers (business_day, category_id, last_seq, waiting) VALUES (NEW.business_day, NEW.category_id, 0, 1)
        ON CONFLICT (business_day, category_id) DO UPDATE SET waiting = waiting + 1;
    END;

    CREATE TRIGGER tickets_waiting_delete AFTER DELETE ON tickets WHEN OLD.status = 'waiting' BEGIN
      UPDATE queue_numbers SET waiting = waiting - 1 WHERE business_day = OLD.business_day AND category_id = OLD.category_id;
    END;

    CREATE TRIGGER tickets_waiting_update AFTER UPDATE OF status, business_day, category_id ON tickets
      WHEN (OLD.status = 'waiting' OR NEW.status = 'waiting')
        AND NOT (OLD.status = NEW.status AND OLD.business_day = NEW.business_day AND OLD.category_id = NEW.category_id) BEGIN
      UPDATE queue_numbers SET waiting = waiting - 1
        WHERE OLD.status = 'waiting' AND business_day = OLD.business_day AND category_id = OLD.category_id;
      INSERT INTO queue_numbers (business_day, category_id, last_seq, waiting)
        SELECT NEW.business_day, NEW.category_id, 0, 1 WHERE NEW.status = 'waiting'
        ON CONFLICT (business_day, category_id) DO UPDATE SET waiting = waiting + 1;
    END;
  `);
}
