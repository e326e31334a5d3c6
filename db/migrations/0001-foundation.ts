// Users, their sessions, paired devices, settings and the hash-chained audit log.
import type { Db } from '../connection.js';

export const version = 1;
export const name = 'foundation';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL COLLATE NOCASE UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'backoffice', 'agent', 'supervisor')),
      password_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_login_at TEXT
    ) STRICT;

    CREATE TABLE sessions (
      id INTEGER PRIMARY KEY,
      token_hash BLOB NOT NULL UNIQUE,
      user_id INTEGER NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      ended_at TEXT,
      client_ip TEXT
    ) STRICT;
    CREATE INDEX sessions_by_user ON sessions(user_id);

    CREATE TABLE devices (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'counter', 'rating')),
      token_hash BLOB NOT NULL UNIQUE,
      token_expires_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES users(id),
      last_seen_at TEXT,
      revoked_at TEXT
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Append-only: each row carries the hash of its content and of the row before (DOMAIN §2).
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

    -- The newest link, so that removing the last rows is found as well as changing any row.
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
