// Cases (办件, DOMAIN §2): the case row, its materials check-list, its timeline, scans and the
// per-day case number counter. Indexes are chosen for the back-office list at a million rows: every
// filter the list offers walks an index in the order it sorts by, never the whole table.
import type { Db } from '../connection.js';

export const version = 7;
export const name = 'cases';

export function up(db: Db): void {
  db.exec(`
    -- The last case number given per business day; numbers are never reused, even if a case is withdrawn.
    CREATE TABLE case_numbers (
      business_day TEXT PRIMARY KEY,
      last_seq INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE cases (
      id INTEGER PRIMARY KEY,
      case_no TEXT NOT NULL UNIQUE,
      business_day TEXT NOT NULL,
      item_code TEXT NOT NULL,
      item_name TEXT NOT NULL,
      item_type TEXT NOT NULL,
      implementation_code TEXT NOT NULL DEFAULT '',
      handling_level TEXT NOT NULL CHECK (handling_level IN ('town', 'county')),
      -- The promised limit as it was when the case came in: a later catalogue edit does not move it.
      limit_value INTEGER NOT NULL,
      limit_unit TEXT NOT NULL CHECK (limit_unit IN ('working_days', 'days', 'months')),
      applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('person', 'organisation')),
      applicant_name TEXT NOT NULL,
      id_type TEXT NOT NULL CHECK (id_type IN ('resident_id', 'credit_code')),
      -- Stored in full; masked on every way out unless a permitted user asks (audited).
      id_number TEXT NOT NULL,
      mobile TEXT NOT NULL,
      contact_name TEXT,
      channel TEXT NOT NULL CHECK (channel IN ('window', 'agent')),
      ticket_id INTEGER REFERENCES tickets(id),
      agent_request_id INTEGER,
      agent_user_id INTEGER REFERENCES users(id),
      -- For the village filter once agent requests exist.
      village_code TEXT,
      clerk_id INTEGER REFERENCES users(id),
      assignee_id INTEGER REFERENCES users(id),
      status TEXT NOT NULL CHECK (status IN ('received', 'correction', 'accepted', 'in_review', 'paused', 'forwarded',
                                             'decided', 'concluded', 'delivered', 'rejected', 'withdrawn')),
      -- scrypt$N$r$p$salt$hash of the 6-digit query password; the password itself is never stored.
      password_hash TEXT NOT NULL,
      received_at TEXT NOT NULL,
      accepted_at TEXT,
      accepted_day TEXT,
      -- NULL before acceptance and while paused (the date is not known until work resumes).
      due_date TEXT,
      pauses TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pauses)),
      correction TEXT CHECK (correction IS NULL OR json_valid(correction)),
      correction_at TEXT,
      reject_reasons TEXT CHECK (reject_reasons IS NULL OR json_valid(reject_reasons)),
      decision TEXT CHECK (decision IS NULL OR decision IN ('approved', 'denied')),
      decided_by TEXT CHECK (decided_by IS NULL OR decided_by IN ('hall', 'county')),
      decided_at TEXT,
      concluded_at TEXT,
      concluded_day TEXT,
      delivered_at TEXT,
      delivery_method TEXT CHECK (delivery_method IS NULL OR delivery_method IN ('window', 'post')),
      last_seq INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    ) STRICT;
    -- Default list order, and status filters in that order.
    CREATE INDEX cases_received ON cases(received_at, id);
    CREATE INDEX cases_status_received ON cases(status, received_at, id);
    -- Sorting or warning by due date over the cases whose clock runs.
    CREATE INDEX cases_due ON cases(due_date, id) WHERE due_date IS NOT NULL;
    CREATE INDEX cases_status_due ON cases(status, due_date, id);
    -- Applicant search: the full number exactly, or the name by prefix (a range on the index).
    CREATE INDEX cases_id_number ON cases(id_number);
    CREATE INDEX cases_applicant_name ON cases(applicant_name, received_at);
    CREATE INDEX cases_item ON cases(item_code, received_at);
    CREATE INDEX cases_clerk ON cases(clerk_id, received_at);
    CREATE INDEX cases_channel ON cases(channel, received_at);
    CREATE INDEX cases_village ON cases(village_code, received_at) WHERE village_code IS NOT NULL;

    -- The check-list at intake: one row per material of the item, with what was handed in.
    CREATE TABLE case_materials (
      case_id INTEGER NOT NULL REFERENCES cases(id),
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      requirement TEXT NOT NULL CHECK (requirement IN ('required', 'conditional')),
      condition TEXT NOT NULL DEFAULT '',
      -- A conditional material counts only when the clerk marks it as applying to this applicant.
      applicable INTEGER NOT NULL CHECK (applicable IN (0, 1)),
      need_originals INTEGER NOT NULL,
      need_copies INTEGER NOT NULL,
      electronic_ok INTEGER NOT NULL CHECK (electronic_ok IN (0, 1)),
      originals INTEGER NOT NULL DEFAULT 0,
      copies INTEGER NOT NULL DEFAULT 0,
      electronic INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (case_id, position)
    ) STRICT;

    -- The timeline; seq matches the case-event records uploaded to the county (0 is the intake).
    CREATE TABLE case_events (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      seq INTEGER NOT NULL,
      action TEXT NOT NULL,
      state_before TEXT,
      state_after TEXT NOT NULL,
      actor_kind TEXT NOT NULL,
      actor_id INTEGER,
      actor_name TEXT NOT NULL,
      terminal TEXT,
      at TEXT NOT NULL,
      note TEXT,
      detail TEXT CHECK (detail IS NULL OR json_valid(detail)),
      UNIQUE (case_id, seq)
    ) STRICT;

    -- Scans are files in the data folder named by their SHA-256; a file shared by two cases is kept once.
    CREATE TABLE case_scans (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id),
      material_name TEXT NOT NULL,
      file_name TEXT NOT NULL,
      content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      uploaded_at TEXT NOT NULL,
      uploaded_by INTEGER REFERENCES users(id),
      UNIQUE (case_id, material_name, sha256)
    ) STRICT;
    CREATE INDEX case_scans_by_case ON case_scans(case_id);
  `);
}
