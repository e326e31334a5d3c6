// The hall's working-day calendar (DOMAIN §2): the dates that differ from "Monday to Friday work,
// weekends off" — public holidays on weekdays and make-up working days (调休) on weekends. A date
// not listed here follows the weekday rule, so the table stays small and an edit is one row.
import type { Db } from '../connection.js';

export const version = 6;
export const name = 'calendar';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE calendar_days (
      date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
      name TEXT NOT NULL,
      -- The notice the day comes from, or 'admin' when entered by hand.
      source TEXT NOT NULL
    ) STRICT;
  `);
}
