// The village node's own database (DESIGN §2a, §9): its pairing with the hall, the link's outbox,
// scans waiting to go, the pulled changes' cursor, the catalogue mirror, and the audit chain (the
// same chain as the hall's, electron/hall/audit/chain.ts). The agent's records are 0002 onwards.
import type { Db } from '../connection.js';

export const version = 1;
export const name = 'node';

export function up(db: Db): void {
  db.exec(`
    -- One row: which hall this node is paired with. The token is the hall's device token; the
    -- database is encrypted at rest, so it is kept as it is.
    CREATE TABLE pairing (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      hall_url TEXT NOT NULL,
      token TEXT NOT NULL,
      node_id TEXT NOT NULL,
      hall TEXT NOT NULL CHECK (json_valid(hall)),
      agent TEXT NOT NULL CHECK (json_valid(agent)),
      villages TEXT NOT NULL CHECK (json_valid(villages)),
      paired_at TEXT NOT NULL
    ) STRICT;

    -- The link's own state (one row), kept across restarts.
    CREATE TABLE link_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_attempt_at TEXT,
      last_contact_at TEXT,
      last_error TEXT CHECK (last_error IS NULL OR json_valid(last_error)),
      failing_since TEXT,
      changes_cursor TEXT,
      catalog_version INTEGER NOT NULL DEFAULT 0,
      -- Set when the hall answered 'revoked': the node wiped its records and waits to be paired again.
      revoked_at TEXT
    ) STRICT;
    INSERT INTO link_state (id) VALUES (1);

    -- Records for the hall, written only by electron/village/link/records.ts inside the agent's
    -- business transaction. Per request, seq 1, 2, 3… without gaps; seq n goes after n-1 is done.
    CREATE TABLE link_outbox (
      id INTEGER PRIMARY KEY,
      record_id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('agent-request', 'agent-event', 'handover', 'delivery', 'rating')),
      request_id TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq >= 1),
      occurred_at TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'done', 'rejected')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      last_sent_at TEXT,
      done_at TEXT,
      receipt_id TEXT,
      rejected_at TEXT,
      reason TEXT,
      UNIQUE (request_id, seq),
      CHECK (state <> 'done' OR receipt_id IS NOT NULL),
      CHECK (state <> 'rejected' OR reason IS NOT NULL)
    ) STRICT;
    CREATE INDEX link_outbox_pending ON link_outbox(id) WHERE state = 'pending';
    CREATE INDEX link_outbox_state ON link_outbox(state);

    -- Scans kept in <data>/scans/<sha256>; each goes to the hall before any record that names it.
    CREATE TABLE scans (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size >= 0),
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      done_at TEXT
    ) STRICT;

    -- Which scans a record names: the record is held until they are all at the hall.
    CREATE TABLE link_record_scans (
      outbox_id INTEGER NOT NULL REFERENCES link_outbox(id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL REFERENCES scans(sha256),
      PRIMARY KEY (outbox_id, sha256)
    ) STRICT;
    CREATE INDEX link_record_scans_sha ON link_record_scans(sha256);

    -- Changes pulled from the hall, each stored once (request + cursor) and handed to the agent module.
    CREATE TABLE hall_changes (
      id INTEGER PRIMARY KEY,
      request_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      cursor TEXT NOT NULL,
      received_at TEXT NOT NULL,
      UNIQUE (request_id, cursor)
    ) STRICT;

    -- The hall's catalogue, mirrored whole at each new version so the agent can search offline.
    CREATE TABLE catalog_items (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      -- The hall's search key (catalog/search-key.ts): name, pinyin, initials, code, keywords.
      search_key TEXT NOT NULL,
      item TEXT NOT NULL CHECK (json_valid(item))
    ) STRICT;

    CREATE TABLE node_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'device', 'system')),
      actor_id INTEGER,
      actor_name TEXT NOT NULL,
      terminal TEXT,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      state_before TEXT,
      state_after TEXT,
      note TEXT,
      detail TEXT CHECK (detail IS NULL OR json_valid(detail)),
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);
    CREATE TABLE audit_head (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_id INTEGER NOT NULL,
      last_hash TEXT NOT NULL
    ) STRICT;
    INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, '${'0'.repeat(64)}');
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `);
}
