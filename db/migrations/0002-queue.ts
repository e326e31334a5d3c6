// The one-window queue: categories, windows, tickets, per-day numbering, appointments, ratings and
// the day figures (DOMAIN §3, §7).
import type { Db } from '../connection.js';

export const version = 2;
export const name = 'queue';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE queue_categories (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      prefix TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      daily_limit INTEGER CHECK (daily_limit IS NULL OR daily_limit > 0),
      priority_allowed INTEGER NOT NULL DEFAULT 1 CHECK (priority_allowed IN (0, 1)),
      item_code TEXT,
      sort_order INTEGER NOT NULL DEFAULT 0,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT;

    CREATE TABLE windows (
      id INTEGER PRIMARY KEY,
      number INTEGER NOT NULL UNIQUE,
      name TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'paused', 'closed')),
      clerk_id INTEGER REFERENCES users(id),
      rating_device_id INTEGER REFERENCES devices(id),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT;

    CREATE TABLE window_categories (
      window_id INTEGER NOT NULL REFERENCES windows(id),
      category_id INTEGER NOT NULL REFERENCES queue_categories(id),
      position INTEGER NOT NULL,
      PRIMARY KEY (window_id, category_id)
    ) STRICT;

    -- The last number given per category and business day; numbers are never reused.
    CREATE TABLE queue_numbers (
      business_day TEXT NOT NULL,
      category_id INTEGER NOT NULL REFERENCES queue_categories(id),
      last_seq INTEGER NOT NULL,
      PRIMARY KEY (business_day, category_id)
    ) STRICT;

    CREATE TABLE tickets (
      id INTEGER PRIMARY KEY,
      business_day TEXT NOT NULL,
      category_id INTEGER NOT NULL REFERENCES queue_categories(id),
      -- NULL for the linked ticket a transfer creates: it keeps the citizen's printed number.
      seq INTEGER,
      number TEXT NOT NULL,
      priority TEXT CHECK (priority IS NULL OR priority IN ('elderly', 'disabled', 'military', 'pregnant', 'appointment')),
      priority_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (priority_confirmed IN (0, 1)),
      status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'transferred', 'expired')),
      arrived_at TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      called_at TEXT,
      serving_at TEXT,
      finished_at TEXT,
      call_count INTEGER NOT NULL DEFAULT 0,
      window_id INTEGER REFERENCES windows(id),
      -- A transfer to one window: only that window may call it.
      target_window_id INTEGER REFERENCES windows(id),
      clerk_id INTEGER REFERENCES users(id),
      transferred_from INTEGER REFERENCES tickets(id),
      appointment_id INTEGER,
      items_handled TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(items_handled)),
      issued_by_device INTEGER REFERENCES devices(id),
      UNIQUE (business_day, category_id, seq),
      CHECK (status NOT IN ('called', 'serving') OR (window_id IS NOT NULL AND finished_at IS NULL))
    ) STRICT;
    -- A window holds at most one called or serving ticket: enforced here, not only in code.
    CREATE UNIQUE INDEX tickets_one_active_per_window ON tickets(window_id) WHERE status IN ('called', 'serving');
    -- Call-next reads the waiting tickets of a few categories in arrival order.
    CREATE INDEX tickets_waiting ON tickets(category_id, arrived_at, id) WHERE status = 'waiting';
    CREATE INDEX tickets_by_day ON tickets(business_day, category_id, status);
    CREATE INDEX tickets_recent_calls ON tickets(business_day, called_at) WHERE called_at IS NOT NULL;

    CREATE TABLE appointments (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      category_id INTEGER NOT NULL REFERENCES queue_categories(id),
      day TEXT NOT NULL,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES users(id),
      ticket_id INTEGER REFERENCES tickets(id)
    ) STRICT;

    CREATE TABLE ratings (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER UNIQUE REFERENCES tickets(id),
      case_id INTEGER,
      level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      indicators TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(indicators)),
      comment TEXT,
      channel TEXT NOT NULL DEFAULT 'onsite',
      window_id INTEGER REFERENCES windows(id),
      clerk_id INTEGER REFERENCES users(id),
      device_id INTEGER REFERENCES devices(id),
      created_at TEXT NOT NULL,
      CHECK (ticket_id IS NOT NULL OR case_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX ratings_by_clerk ON ratings(clerk_id, created_at);

    -- A closed business day's figures per category, kept for reports and the county upload.
    CREATE TABLE queue_daily (
      business_day TEXT NOT NULL,
      category_id INTEGER NOT NULL REFERENCES queue_categories(id),
      issued INTEGER NOT NULL,
      served INTEGER NOT NULL,
      no_show INTEGER NOT NULL,
      cancelled INTEGER NOT NULL,
      expired INTEGER NOT NULL,
      avg_wait_minutes REAL,
      p90_wait_minutes REAL,
      avg_service_minutes REAL,
      p90_service_minutes REAL,
      closed_at TEXT NOT NULL,
      PRIMARY KEY (business_day, category_id)
    ) STRICT;
  `);
}
