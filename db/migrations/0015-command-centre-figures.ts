// The command centre over a year of a busy hall (issue 10's bench: 5M tickets, 1M cases): the year
// report and the dashboard read small summaries and narrow index ranges instead of every row.
// - queue_daily keeps, per closed day and category, the exact sums the averages come from (waits and
//   services in whole milliseconds, and how many legs each covers), so a range of closed days adds
//   up its rows; the rounded averages alone could not be combined. Past days are filled in here.
// - case_status_counts holds the number of cases per status and item, kept by triggers in the same
//   transaction as every write to a case, so "cases by status" never counts a million rows.
// - cases by the day they were received, accepted and concluded (with the item, to leave example
//   items out inside the index): today's figures and the rated-stage counts read a day range.
// - ratings by time carry the columns the figures group by, and the tickets served have a narrow
//   index of their day, so a year's ratings are counted without reading a year's rows.
import type { Db } from '../connection.js';

export const version = 15;
export const name = 'command-centre-figures';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE queue_daily ADD COLUMN called INTEGER;
    ALTER TABLE queue_daily ADD COLUMN wait_ms INTEGER;
    ALTER TABLE queue_daily ADD COLUMN serviced INTEGER;
    ALTER TABLE queue_daily ADD COLUMN service_ms INTEGER;
    UPDATE queue_daily SET (called, wait_ms, serviced, service_ms) = (
      SELECT count(t.called_at),
             coalesce(sum(CASE WHEN t.called_at IS NOT NULL THEN CAST(round(unixepoch(t.called_at, 'subsec') * 1000) AS INTEGER)
                                                             - CAST(round(unixepoch(t.issued_at, 'subsec') * 1000) AS INTEGER) END), 0),
             coalesce(sum(t.status = 'done' AND t.serving_at IS NOT NULL AND t.finished_at IS NOT NULL), 0),
             coalesce(sum(CASE WHEN t.status = 'done' AND t.serving_at IS NOT NULL AND t.finished_at IS NOT NULL
                               THEN CAST(round(unixepoch(t.finished_at, 'subsec') * 1000) AS INTEGER)
                                  - CAST(round(unixepoch(t.serving_at, 'subsec') * 1000) AS INTEGER) END), 0)
      FROM tickets t WHERE t.business_day = queue_daily.business_day AND t.category_id = queue_daily.category_id);

    CREATE TABLE case_status_counts (
      status TEXT NOT NULL,
      item_code TEXT NOT NULL,
      count INTEGER NOT NULL,
      PRIMARY KEY (status, item_code)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO case_status_counts (status, item_code, count) SELECT status, item_code, count(*) FROM cases GROUP BY status, item_code;
    CREATE TRIGGER case_status_counts_insert AFTER INSERT ON cases BEGIN
      INSERT INTO case_status_counts (status, item_code, count) VALUES (NEW.status, NEW.item_code, 1)
        ON CONFLICT (status, item_code) DO UPDATE SET count = count + 1;
    END;
    CREATE TRIGGER case_status_counts_update AFTER UPDATE OF status, item_code ON cases
    WHEN OLD.status IS NOT NEW.status OR OLD.item_code IS NOT NEW.item_code BEGIN
      UPDATE case_status_counts SET count = count - 1 WHERE status = OLD.status AND item_code = OLD.item_code;
      INSERT INTO case_status_counts (status, item_code, count) VALUES (NEW.status, NEW.item_code, 1)
        ON CONFLICT (status, item_code) DO UPDATE SET count = count + 1;
    END;
    CREATE TRIGGER case_status_counts_delete AFTER DELETE ON cases BEGIN
      UPDATE case_status_counts SET count = count - 1 WHERE status = OLD.status AND item_code = OLD.item_code;
    END;

    -- Ratings over a period are read from the index alone (no row of the table), and a rated ticket's
    -- day and state from a narrow index of the tickets served instead of the tickets themselves.
    DROP INDEX ratings_by_created;
    CREATE INDEX ratings_by_created ON ratings(created_at, level, channel, window_id, clerk_id, ticket_id, case_id, stage);
    CREATE INDEX tickets_done_day ON tickets(id, business_day) WHERE status = 'done';

    CREATE INDEX cases_received_day ON cases(business_day, item_code);
    CREATE INDEX cases_accepted_day ON cases(accepted_day, item_code) WHERE accepted_day IS NOT NULL;
    CREATE INDEX cases_concluded_day ON cases(concluded_day, item_code) WHERE concluded_day IS NOT NULL;
  `);
}
