// Counters for the upload's figures. The outbox and the county's decisions keep every record for
// good, so counting them grew with the hall's history: "how many records per state" read every
// outbox entry, at each staff screen's minute poll of the upload banner and at each upload cycle, on
// the event loop (190 ms at 2M records, a year of a busy hall), and the dashboard's upload figures
// read the whole table (1.9 s). The triggers keep one row per outbox state and one for the decisions
// received, whoever writes (the business transactions, the uploader, a restore's resend marks); the
// states that stay small (pending, sending, rejected) are still found through their indexes.
import type { Db } from '../connection.js';

export const version = 22;
export const name = 'sync-counts';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE sync_counts (
      name TEXT PRIMARY KEY CHECK (name IN ('outbox:pending', 'outbox:sending', 'outbox:done', 'outbox:rejected', 'decisions')),
      n INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    INSERT INTO sync_counts (name, n)
      SELECT 'outbox:' || s.state, (SELECT count(*) FROM outbox o WHERE o.state = s.state)
      FROM (SELECT 'pending' AS state UNION ALL SELECT 'sending' UNION ALL SELECT 'done' UNION ALL SELECT 'rejected') AS s;
    INSERT INTO sync_counts (name, n) SELECT 'decisions', count(*) FROM county_decisions;

    CREATE TRIGGER outbox_count_insert AFTER INSERT ON outbox BEGIN
      UPDATE sync_counts SET n = n + 1 WHERE name = 'outbox:' || NEW.state;
    END;
    CREATE TRIGGER outbox_count_delete AFTER DELETE ON outbox BEGIN
      UPDATE sync_counts SET n = n - 1 WHERE name = 'outbox:' || OLD.state;
    END;
    CREATE TRIGGER outbox_count_update AFTER UPDATE OF state ON outbox WHEN OLD.state IS NOT NEW.state BEGIN
      UPDATE sync_counts SET n = n - 1 WHERE name = 'outbox:' || OLD.state;
      UPDATE sync_counts SET n = n + 1 WHERE name = 'outbox:' || NEW.state;
    END;
    CREATE TRIGGER county_decisions_count_insert AFTER INSERT ON county_decisions BEGIN
      UPDATE sync_counts SET n = n + 1 WHERE name = 'decisions';
    END;
    CREATE TRIGGER county_decisions_count_delete AFTER DELETE ON county_decisions BEGIN
      UPDATE sync_counts SET n = n - 1 WHERE name = 'decisions';
    END;
  `);
}
