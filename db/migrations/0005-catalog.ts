// The service item catalogue (DOMAIN §1): one row per item with its guide, its materials in order.
// Lists in the guide (steps, FAQ, special steps) are JSON: they are shown whole, never queried.
import type { Db } from '../connection.js';

export const version = 5;
export const name = 'catalog';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE items (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      implementation_code TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('01', '05', '07', '08', '09', '10', '20')),
      parent_code TEXT,
      handling_kind TEXT CHECK (handling_kind IS NULL OR handling_kind IN ('new', 'change', 'renewal', 'cancellation')),
      department TEXT NOT NULL,
      implementing_body TEXT NOT NULL,
      legal_basis TEXT NOT NULL DEFAULT '',
      conditions TEXT NOT NULL DEFAULT '',
      legal_limit_value INTEGER,
      legal_limit_unit TEXT CHECK (legal_limit_unit IS NULL OR legal_limit_unit IN ('working_days', 'days', 'months')),
      promised_limit_value INTEGER NOT NULL,
      promised_limit_unit TEXT NOT NULL CHECK (promised_limit_unit IN ('working_days', 'days', 'months')),
      steps TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(steps)),
      fee_charged INTEGER NOT NULL DEFAULT 0 CHECK (fee_charged IN (0, 1)),
      fee_standard TEXT NOT NULL DEFAULT '',
      fee_basis TEXT NOT NULL DEFAULT '',
      online INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
      visits INTEGER NOT NULL CHECK (visits >= 0),
      place TEXT NOT NULL DEFAULT '',
      hours TEXT NOT NULL DEFAULT '',
      window TEXT NOT NULL DEFAULT '',
      consult_phone TEXT NOT NULL DEFAULT '',
      complaint_phone TEXT NOT NULL DEFAULT '',
      faq TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(faq)),
      special_steps TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(special_steps)),
      handling_level TEXT NOT NULL CHECK (handling_level IN ('town', 'county')),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      example INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
      -- name + full pinyin + initials + code, lower case, written with the item so a search is one LIKE.
      search_key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((legal_limit_value IS NULL) = (legal_limit_unit IS NULL))
    ) STRICT;
    CREATE INDEX items_by_type ON items(type, active, code);

    CREATE TABLE item_materials (
      item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      requirement TEXT NOT NULL CHECK (requirement IN ('required', 'conditional')),
      condition TEXT NOT NULL DEFAULT '',
      originals INTEGER NOT NULL CHECK (originals >= 0),
      copies INTEGER NOT NULL CHECK (copies >= 0),
      electronic INTEGER NOT NULL CHECK (electronic IN (0, 1)),
      source TEXT NOT NULL CHECK (source IN ('applicant', 'government')),
      notes TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (item_id, position),
      CHECK (requirement = 'required' OR condition <> '')
    ) STRICT;
  `);
}
