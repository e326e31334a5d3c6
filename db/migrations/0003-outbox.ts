// The county upload (DESIGN §8): the outbox of records to send, the uploader's own state, and the
// county's decisions pulled back. Outbox rows are written only by electron/hall/sync/outbox.ts.
import type { Db } from '../connection.js';

export const version = 3;
export const name = 'outbox';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      -- Made in the business transaction; the county's uniqueness key, so a resend is a duplicate.
      record_id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('case', 'case-event', 'rating', 'queue-daily')),
      case_no TEXT,
      seq INTEGER CHECK (seq IS NULL OR seq >= 1),
      occurred_at TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'done', 'rejected')),
      attempts INTEGER NOT NULL DEFAULT 0,
      -- Epoch milliseconds; 0 means due now. Set by the full-jitter backoff after a failed try.
      next_attempt_at INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      last_sent_at TEXT,
      done_at TEXT,
      receipt_id TEXT,
      rejected_at TEXT,
      reason TEXT,
      CHECK ((kind IN ('case', 'case-event')) = (case_no IS NOT NULL)),
      CHECK ((kind = 'case-event') = (seq IS NOT NULL)),
      CHECK (state <> 'done' OR receipt_id IS NOT NULL),
      CHECK (state <> 'rejected' OR reason IS NOT NULL)
    ) STRICT;
    -- The uploader walks pending rows in capture order.
    CREATE INDEX outbox_pending ON outbox(id) WHERE state = 'pending';
    CREATE INDEX outbox_state ON outbox(state);
    -- One case record per case, one event per case and seq: the order the county checks.
    CREATE UNIQUE INDEX outbox_one_case ON outbox(case_no) WHERE kind = 'case';
    CREATE UNIQUE INDEX outbox_case_events ON outbox(case_no, seq) WHERE kind = 'case-event';

    -- The uploader's own state: one row. Survives restarts so the operator sees the real history.
    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_attempt_at TEXT,
      last_success_at TEXT,
      last_error TEXT CHECK (last_error IS NULL OR json_valid(last_error)),
      failing_since TEXT,
      -- Set by a 401/403: no upload until the operator changes the settings or asks for a run.
      paused_at TEXT,
      decisions_cursor TEXT
    ) STRICT;
    INSERT INTO sync_state (id) VALUES (1);

    -- Decisions on forwarded cases (转报) pulled from the county; kept even before they can be applied.
    CREATE TABLE county_decisions (
      id INTEGER PRIMARY KEY,
      case_no TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'denied')),
      decided_at TEXT NOT NULL,
      note TEXT,
      cursor TEXT NOT NULL,
      received_at TEXT NOT NULL,
      applied_at TEXT,
      UNIQUE (case_no, cursor)
    ) STRICT;
    CREATE INDEX county_decisions_unapplied ON county_decisions(id) WHERE applied_at IS NULL;
  `);
}
