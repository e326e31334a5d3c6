// Bad-rating follow-up (差评整改, DOMAIN §3): every rating of level 1–2 opens one work order in the
// rating's own transaction. The steps fill its columns (回访, 整改, close, 追评); an appeal (申诉)
// and its review (复核) live on the order too. An upheld appeal excludes the rating from the
// figures through this table; the rating itself is never changed or deleted.
//
// A closed order goes to the county as a `rating-followup` record, so the outbox's list of kinds
// grows by one: the table is rebuilt from its own stored definition with only that list changed,
// keeping every row, column and index as it was.
import type { Db } from '../connection.js';

const OLD_KINDS = "kind IN ('case', 'case-event', 'rating', 'queue-daily')";
const NEW_KINDS = "kind IN ('case', 'case-event', 'rating', 'queue-daily', 'rating-followup')";

function widenOutboxKinds(db: Db): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get() as { sql: string };
  if (!table.sql.includes(OLD_KINDS)) throw new Error('migration 14: the outbox kind list is not the one expected');
  const indexes = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL").all() as Array<{ sql: string }>;
  const columns = (db.prepare('PRAGMA table_info(outbox)').all() as Array<{ name: string }>).map((c) => `"${c.name}"`).join(', ');
  db.exec(table.sql.replace(OLD_KINDS, NEW_KINDS).replace(/^CREATE TABLE "?outbox"?/, 'CREATE TABLE outbox_next'));
  db.exec(`INSERT INTO outbox_next (${columns}) SELECT ${columns} FROM outbox ORDER BY id; DROP TABLE outbox; ALTER TABLE outbox_next RENAME TO outbox;`);
  for (const index of indexes) db.exec(index.sql);
}

export const version = 14;
export const name = 'rating-work-orders';

export function up(db: Db): void {
  widenOutboxKinds(db);
  db.exec(`
    CREATE TABLE rating_work_orders (
      id INTEGER PRIMARY KEY,
      rating_id INTEGER NOT NULL UNIQUE REFERENCES ratings(id),
      -- The clerk rated (may appeal) and the lead it is assigned to (NULL: every supervisor).
      clerk_id INTEGER REFERENCES users(id),
      assignee_id INTEGER REFERENCES users(id),
      -- Tied to a case or given through an agent: a call-back is owed in every case (100 %).
      real_name INTEGER NOT NULL CHECK (real_name IN (0, 1)),
      opened_at TEXT NOT NULL,
      business_day TEXT NOT NULL,
      callback_due TEXT NOT NULL,
      rectify_due TEXT NOT NULL,
      callback_at TEXT,
      callback_by INTEGER REFERENCES users(id),
      callback_contacted INTEGER CHECK (callback_contacted IN (0, 1)),
      callback_method TEXT CHECK (callback_method IN ('phone', 'visit', 'sms', 'other')),
      callback_contact_at TEXT,
      callback_answer TEXT,
      rectify_at TEXT,
      rectify_by INTEGER REFERENCES users(id),
      rectify_found TEXT,
      rectify_done TEXT,
      closed_at TEXT,
      closed_by INTEGER REFERENCES users(id),
      outcome TEXT CHECK (outcome IN ('rectified', 'answered', 'appeal-upheld')),
      followup_level INTEGER CHECK (followup_level BETWEEN 1 AND 5),
      followup_comment TEXT,
      followup_at TEXT,
      appeal_reason TEXT,
      appeal_at TEXT,
      appeal_by INTEGER REFERENCES users(id),
      review_decision TEXT CHECK (review_decision IN ('upheld', 'rejected')),
      review_reason TEXT,
      review_at TEXT,
      review_by INTEGER REFERENCES users(id),
      CHECK ((closed_at IS NULL) = (outcome IS NULL)),
      CHECK (review_decision IS NULL OR appeal_at IS NOT NULL)
    ) STRICT;
    CREATE INDEX rating_work_orders_open ON rating_work_orders(closed_at, rectify_due);
    CREATE INDEX rating_work_orders_by_clerk ON rating_work_orders(clerk_id, opened_at);
    CREATE INDEX rating_work_orders_by_day ON rating_work_orders(business_day);
    CREATE INDEX ratings_by_created ON ratings(created_at);
  `);
}
