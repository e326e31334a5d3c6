// Village agent service (DESIGN §2a, §9; DOMAIN §4): villages and their agents, the village node as a
// device bound to one agent, the records received from nodes (stored once by record id), the agent
// requests they build (代办件) with their hand-overs, deliveries and events, the scans arriving in
// chunks, the feed of changes the nodes pull, and the catalogue version the nodes mirror by.
import type { Db } from '../connection.js';

export const version = 13;
export const name = 'villages';

/**
 * The device kind check gains 'village' and a village device names its agent. SQLite cannot alter a
 * CHECK, so the table is rebuilt; tickets and ratings refer to devices, so the foreign keys are
 * deferred while the rows are copied out and back under the same ids.
 */
function rebuildDevices(db: Db): void {
  db.pragma('defer_foreign_keys = ON');
  db.exec(`
    CREATE TEMP TABLE devices_copy AS SELECT * FROM devices;
    DROP TABLE devices;
    CREATE TABLE devices (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'counter', 'rating', 'village')),
      token_hash BLOB NOT NULL UNIQUE,
      token_expires_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES users(id),
      last_seen_at TEXT,
      revoked_at TEXT,
      -- A village node acts for exactly one agent; no other terminal has one.
      agent_user_id INTEGER REFERENCES users(id),
      CHECK ((kind = 'village') = (agent_user_id IS NOT NULL))
    ) STRICT;
    INSERT INTO devices (id, name, kind, token_hash, token_expires_at, created_at, created_by, last_seen_at, revoked_at)
      SELECT id, name, kind, token_hash, token_expires_at, created_at, created_by, last_seen_at, revoked_at FROM devices_copy;
    DROP TABLE devices_copy;
  `);
}

export function up(db: Db): void {
  rebuildDevices(db);
  db.exec(`
    CREATE TABLE villages (
      -- 统计用区划代码, 12 digits.
      code TEXT PRIMARY KEY CHECK (length(code) = 12 AND code NOT GLOB '*[^0-9]*'),
      name TEXT NOT NULL,
      -- 片区 → 村/社区 → 网格, as a JSON array of names.
      grid TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(grid) AND json_type(grid) = 'array'),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE agent_villages (
      user_id INTEGER NOT NULL REFERENCES users(id),
      village_code TEXT NOT NULL REFERENCES villages(code),
      PRIMARY KEY (user_id, village_code)
    ) STRICT;
    CREATE INDEX agent_villages_by_village ON agent_villages(village_code);

    -- Every record a node sent and the hall accepted, once: a replay answers with the same receipt.
    CREATE TABLE village_records (
      record_id TEXT PRIMARY KEY,
      request_id TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq >= 1),
      kind TEXT NOT NULL CHECK (kind IN ('agent-request', 'agent-event', 'handover', 'delivery', 'rating')),
      receipt_id TEXT NOT NULL UNIQUE,
      device_id INTEGER NOT NULL REFERENCES devices(id),
      occurred_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      UNIQUE (request_id, seq)
    ) STRICT;

    -- 代办件: one row per request made on a node (requestId is the node's id).
    CREATE TABLE agent_requests (
      id INTEGER PRIMARY KEY,
      request_id TEXT NOT NULL UNIQUE,
      village_code TEXT NOT NULL REFERENCES villages(code),
      agent_user_id INTEGER NOT NULL REFERENCES users(id),
      device_id INTEGER NOT NULL REFERENCES devices(id),
      applicant_name TEXT NOT NULL,
      -- Stored in full; masked on every way out.
      id_number TEXT NOT NULL,
      mobile TEXT NOT NULL,
      item_code TEXT NOT NULL,
      item_name TEXT NOT NULL,
      authorisation TEXT NOT NULL CHECK (json_valid(authorisation)),
      materials TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(materials)),
      missing TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(missing)),
      duplicate_reason TEXT,
      state TEXT NOT NULL CHECK (state IN ('submitted', 'handed_over', 'received', 'in_case', 'suspended',
                                           'terminated', 'delivered')),
      case_id INTEGER REFERENCES cases(id),
      handover_id TEXT,
      received_at TEXT,
      received_by INTEGER REFERENCES users(id),
      -- The highest record seq stored for this request: seq n is taken only after n - 1.
      last_seq INTEGER NOT NULL DEFAULT 1,
      authorised_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX agent_requests_village ON agent_requests(village_code, created_at);
    CREATE INDEX agent_requests_state ON agent_requests(state, created_at);
    CREATE INDEX agent_requests_agent ON agent_requests(agent_user_id, created_at);
    CREATE UNIQUE INDEX agent_requests_case ON agent_requests(case_id) WHERE case_id IS NOT NULL;

    -- What happened to a request at the village or the hall (the node's events and the hall's receipt).
    CREATE TABLE agent_request_events (
      id INTEGER PRIMARY KEY,
      agent_request_id INTEGER NOT NULL REFERENCES agent_requests(id),
      action TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      at TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      detail TEXT CHECK (detail IS NULL OR json_valid(detail))
    ) STRICT;
    CREATE INDEX agent_request_events_by_request ON agent_request_events(agent_request_id, id);

    -- 移交清单: a batch the agent brings to the hall, and one line per request in it.
    CREATE TABLE agent_handovers (
      handover_id TEXT PRIMARY KEY,
      agent_user_id INTEGER NOT NULL REFERENCES users(id),
      device_id INTEGER NOT NULL REFERENCES devices(id),
      handed_at TEXT NOT NULL,
      batch_size INTEGER NOT NULL CHECK (batch_size >= 1),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE agent_handover_lines (
      handover_id TEXT NOT NULL REFERENCES agent_handovers(handover_id),
      agent_request_id INTEGER NOT NULL REFERENCES agent_requests(id),
      -- As the agent declared it, and as the clerk counted it (NULL until received).
      declared TEXT NOT NULL CHECK (json_valid(declared)),
      counted TEXT CHECK (counted IS NULL OR json_valid(counted)),
      discrepancies TEXT CHECK (discrepancies IS NULL OR json_valid(discrepancies)),
      received_at TEXT,
      received_by INTEGER REFERENCES users(id),
      PRIMARY KEY (handover_id, agent_request_id)
    ) STRICT;
    CREATE INDEX agent_handover_lines_by_request ON agent_handover_lines(agent_request_id);

    -- 送达 recorded by the agent at the village.
    CREATE TABLE agent_deliveries (
      agent_request_id INTEGER PRIMARY KEY REFERENCES agent_requests(id),
      method TEXT NOT NULL CHECK (method IN ('in-person', 'agent', 'post')),
      delivered_at TEXT NOT NULL,
      receiver_name TEXT NOT NULL,
      receiver_signature TEXT,
      recorded_at TEXT NOT NULL
    ) STRICT;

    -- The villager's ratings taken by the agent, tied to the request and the hall rating they made.
    CREATE TABLE agent_ratings (
      agent_request_id INTEGER NOT NULL REFERENCES agent_requests(id),
      stage TEXT NOT NULL CHECK (stage IN ('accept', 'conclude')),
      rating_id INTEGER REFERENCES ratings(id),
      level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      rated_at TEXT NOT NULL,
      PRIMARY KEY (agent_request_id, stage)
    ) STRICT;

    -- Scans arriving from nodes in chunks; the file is in the data folder, named by its SHA-256.
    CREATE TABLE village_scans (
      sha256 TEXT PRIMARY KEY,
      total INTEGER NOT NULL CHECK (total > 0),
      received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= total),
      device_id INTEGER NOT NULL REFERENCES devices(id),
      started_at TEXT NOT NULL,
      completed_at TEXT
    ) STRICT;

    -- What the nodes pull (GET /village/changes): one row per change to an agent request.
    CREATE TABLE village_changes (
      cursor INTEGER PRIMARY KEY AUTOINCREMENT,
      agent_request_id INTEGER NOT NULL REFERENCES agent_requests(id),
      village_code TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('received', 'correction', 'accepted', 'rejected', 'decided', 'concluded',
                                         'delivered-ack')),
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX village_changes_by_village ON village_changes(village_code, cursor);

    -- The catalogue's version for the nodes' mirror: every write to items or their materials moves it,
    -- in the writer's own transaction, whichever path wrote.
    CREATE TABLE catalog_version (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      version INTEGER NOT NULL
    ) STRICT;
    INSERT INTO catalog_version (id, version) VALUES (1, 1);
    CREATE TRIGGER catalog_version_item_insert AFTER INSERT ON items
      BEGIN UPDATE catalog_version SET version = version + 1 WHERE id = 1; END;
    CREATE TRIGGER catalog_version_item_update AFTER UPDATE ON items
      BEGIN UPDATE catalog_version SET version = version + 1 WHERE id = 1; END;
    CREATE TRIGGER catalog_version_item_delete AFTER DELETE ON items
      BEGIN UPDATE catalog_version SET version = version + 1 WHERE id = 1; END;
    CREATE TRIGGER catalog_version_material_insert AFTER INSERT ON item_materials
      BEGIN UPDATE catalog_version SET version = version + 1 WHERE id = 1; END;
    CREATE TRIGGER catalog_version_material_update AFTER UPDATE ON item_materials
      BEGIN UPDATE catalog_version SET version = version + 1 WHERE id = 1; END;
    CREATE TRIGGER catalog_version_material_delete AFTER DELETE ON item_materials
      BEGIN UPDATE catalog_version SET version = version + 1 WHERE id = 1; END;
  `);
}
