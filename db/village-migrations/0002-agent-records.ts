// The agent's 代办 records on the village node (DOMAIN §4): requests from draft to archive, their
// materials, hand-over batches, the hall's latest word on each, deliveries and ratings.
import type { Db } from '../connection.js';

export const version = 2;
export const name = 'agent-records';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE agent_requests (
      request_id TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('draft', 'authorised', 'collected', 'handed-over', 'correction', 'accepted',
        'rejected', 'decided', 'concluded', 'delivered', 'archived', 'suspended', 'terminated')),
      -- What the agent typed so far (AgentDraft JSON); kept after the 委托 as the form's last state.
      draft TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(draft)),
      village_code TEXT NOT NULL DEFAULT '',
      applicant_name TEXT NOT NULL DEFAULT '',
      resident_id TEXT NOT NULL DEFAULT '',
      mobile TEXT NOT NULL DEFAULT '',
      item_code TEXT NOT NULL DEFAULT '',
      item_name TEXT NOT NULL DEFAULT '',
      scope TEXT NOT NULL DEFAULT '',
      valid_from TEXT,
      valid_until TEXT,
      signature_kind TEXT CHECK (signature_kind IS NULL OR signature_kind IN ('drawn', 'thumbprint', 'scanned-form')),
      signature_sha256 TEXT,
      -- The 委托's date in the hall's time zone, from which the hand-over limit counts.
      authorised_at TEXT,
      authorised_date TEXT,
      handover_due TEXT,
      collected_at TEXT,
      missing TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(missing)),
      duplicate_reason TEXT,
      handover_id TEXT REFERENCES agent_handovers(handover_id),
      handed_over_at TEXT,
      suspended_from TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX agent_requests_by_state ON agent_requests(state, updated_at);
    CREATE INDEX agent_requests_by_person ON agent_requests(resident_id, item_code);

    -- One line per check-list material (or one the agent added); round n = supplied for correction n.
    CREATE TABLE agent_materials (
      request_id TEXT NOT NULL REFERENCES agent_requests(request_id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      position INTEGER NOT NULL,
      required INTEGER NOT NULL CHECK (required IN (0, 1)),
      expected_originals INTEGER NOT NULL DEFAULT 0,
      expected_copies INTEGER NOT NULL DEFAULT 0,
      originals INTEGER NOT NULL DEFAULT 0 CHECK (originals BETWEEN 0 AND 99),
      copies INTEGER NOT NULL DEFAULT 0 CHECK (copies BETWEEN 0 AND 99),
      scans TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scans)),
      round INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (request_id, name)
    ) STRICT;

    CREATE TABLE agent_handovers (
      handover_id TEXT PRIMARY KEY,
      handed_at TEXT NOT NULL,
      size INTEGER NOT NULL CHECK (size >= 1)
    ) STRICT;

    -- The hall's latest word on a request, from the changes it sends.
    CREATE TABLE agent_hall_states (
      request_id TEXT PRIMARY KEY REFERENCES agent_requests(request_id) ON DELETE CASCADE,
      case_no TEXT,
      received_at TEXT,
      received_by TEXT,
      discrepancies TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(discrepancies)),
      correction TEXT CHECK (correction IS NULL OR json_valid(correction)),
      correction_round INTEGER NOT NULL DEFAULT 0,
      accepted_at TEXT,
      due_date TEXT,
      rejected_reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rejected_reasons)),
      decision TEXT CHECK (decision IS NULL OR decision IN ('approved', 'denied')),
      decided_at TEXT,
      concluded_at TEXT,
      delivered_ack_at TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Each hall change applied once: a change pulled twice finds its cursor here and changes nothing.
    CREATE TABLE agent_applied_changes (
      request_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      cursor TEXT NOT NULL,
      applied_at TEXT NOT NULL,
      PRIMARY KEY (kind, cursor, request_id)
    ) STRICT;

    CREATE TABLE agent_deliveries (
      request_id TEXT PRIMARY KEY REFERENCES agent_requests(request_id) ON DELETE CASCADE,
      method TEXT NOT NULL CHECK (method IN ('in-person', 'agent', 'post')),
      delivered_at TEXT NOT NULL,
      receiver_name TEXT NOT NULL,
      receiver_signature TEXT
    ) STRICT;

    CREATE TABLE agent_ratings (
      request_id TEXT NOT NULL REFERENCES agent_requests(request_id) ON DELETE CASCADE,
      stage TEXT NOT NULL CHECK (stage IN ('accept', 'conclude')),
      level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      indicators TEXT CHECK (indicators IS NULL OR json_valid(indicators)),
      comment TEXT NOT NULL DEFAULT '',
      rated_at TEXT NOT NULL,
      PRIMARY KEY (request_id, stage)
    ) STRICT;

    CREATE TABLE agent_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value))
    ) STRICT;
  `);
}
