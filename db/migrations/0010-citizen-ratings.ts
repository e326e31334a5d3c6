// Only the citizen rates (DOMAIN §3): every rating records its channel and, for a case, the stage
// rated. One rating per ticket (already unique), one per case and stage, and a case rating only for
// a case that exists and has reached that stage — enforced here as well as in the service, so no
// other path can store a forged one.
//
// The old `onsite` channel said nothing about who rated. Existing rows are kept (a rating is never
// deleted) and named after the terminal that stored them: a rating pad → `pad`, a kiosk → `kiosk`,
// no terminal (a staff account, which may no longer rate) → `staff`, a value only these old rows carry.
import type { Db } from '../connection.js';

export const version = 10;
export const name = 'citizen-ratings';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE ratings_next (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER UNIQUE REFERENCES tickets(id),
      case_id INTEGER,
      stage TEXT CHECK (stage IS NULL OR stage IN ('accepted', 'concluded')),
      level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      indicators TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(indicators)),
      comment TEXT,
      channel TEXT NOT NULL CHECK (channel IN ('pad', 'kiosk', 'agent', 'staff')),
      window_id INTEGER REFERENCES windows(id),
      clerk_id INTEGER REFERENCES users(id),
      device_id INTEGER REFERENCES devices(id),
      created_at TEXT NOT NULL,
      CHECK (ticket_id IS NOT NULL OR case_id IS NOT NULL),
      CHECK (stage IS NULL OR (case_id IS NOT NULL AND ticket_id IS NULL))
    ) STRICT;

    INSERT INTO ratings_next (id, ticket_id, case_id, stage, level, indicators, comment, channel, window_id, clerk_id, device_id, created_at)
      SELECT r.id, r.ticket_id, r.case_id, NULL, r.level, r.indicators, r.comment,
             CASE d.kind WHEN 'rating' THEN 'pad' WHEN 'kiosk' THEN 'kiosk' ELSE 'staff' END,
             r.window_id, r.clerk_id, r.device_id, r.created_at
      FROM ratings r LEFT JOIN devices d ON d.id = r.device_id
      ORDER BY r.id;

    DROP TABLE ratings;
    ALTER TABLE ratings_next RENAME TO ratings;
    CREATE INDEX ratings_by_clerk ON ratings(clerk_id, created_at);
    CREATE UNIQUE INDEX ratings_case_stage ON ratings(case_id, stage) WHERE stage IS NOT NULL;

    -- Every new rating comes from a citizen's channel and names one ticket, or one stage that an
    -- existing case has reached. The old rows above predate this and are left as they were.
    CREATE TRIGGER ratings_citizen_only BEFORE INSERT ON ratings
    WHEN NOT (
      NEW.channel IN ('pad', 'kiosk', 'agent') AND (
        (NEW.ticket_id IS NOT NULL AND NEW.case_id IS NULL AND NEW.stage IS NULL)
        OR (NEW.ticket_id IS NULL AND NEW.stage IS NOT NULL AND EXISTS (
              SELECT 1 FROM cases c WHERE c.id = NEW.case_id
                AND (CASE NEW.stage WHEN 'accepted' THEN c.accepted_at WHEN 'concluded' THEN c.concluded_at END) IS NOT NULL))
      )
    )
    BEGIN
      SELECT RAISE(ABORT, 'a rating comes from a citizen channel and names one ticket, or a stage an existing case has reached');
    END;
  `);
}
