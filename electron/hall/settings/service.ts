// Hall settings: typed keys with defaults, stored as JSON in the settings table.
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import type { z } from 'zod';
import type { Clock } from '../clock.js';

export const SETTING_DEFAULTS = {
  'hall.name': '乡镇便民服务中心',
  'hall.code': '000000000',
  /** Business days, hours and day end are reckoned in the hall's own time zone. */
  'hall.timeZone': 'Asia/Shanghai',
  /** The hall's phone, printed on every notice (DOMAIN §1); empty: the item's 咨询电话 is printed. */
  'hall.phone': '',
  /** Working days the applicant has to supply what a 补正告知书 lists, counted from the notice's day. */
  'cases.correctionWorkingDays': 5,
  /** A staff login lasts one working day. */
  'auth.sessionHours': 12,
  /** A paired terminal's token lasts a year, then the admin pairs it again. */
  'devices.tokenDays': 365,
  /** A case stage (受理, 办结) may be rated this many days after the case reached it (DOMAIN §3). */
  'ratings.caseStageDays': 7,
  /** A bad rating's work order (差评整改): call the citizen back within this many working days. */
  'ratings.callbackWorkingDays': 1,
  /** … and rectify within this many working days (at most 15; a larger value counts as 15). */
  'ratings.rectifyWorkingDays': 5,
  /** Who the work order goes to: a supervisor's or admin's username, or empty for every supervisor. */
  'ratings.followupAssignee': '',
  /** The dashboard's wait target in minutes: waits above it are counted and shared (DOMAIN §8). */
  'dashboard.waitTargetMinutes': 15,
  /** --demo only: the demo terminals' pairing links as JSON, so every demo start can print them. */
  'demo.pairing': '',
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K] extends number ? number : string;

/** The last stored text read per key and what it parsed to: a request reads the same few settings
 *  several times, and the row is read each time (so no write is ever missed) but parsed and checked
 *  only when its text changed. The values handed out are frozen, as they are shared. */
const parsed = new Map<string, { text: string; schema: z.ZodType | null; value: unknown }>();

function parsedValue<T>(key: string, text: string, schema: z.ZodType<T> | null, parse: () => T): T {
  const hit = parsed.get(key);
  if (hit && hit.text === text && hit.schema === schema) return hit.value as T;
  const value = deepFreeze(parse());
  parsed.set(key, { text, schema, value });
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export function getSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const row = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`);
  return (row ? parsedValue(key, row.value, null, () => JSON.parse(row.value) as unknown) : SETTING_DEFAULTS[key]) as SettingValue<K>;
}

export function setSetting<K extends SettingKey>(db: Db, clock: Clock, key: K, value: SettingValue<K>): void {
  setJsonSetting(db, clock, key, value);
}

/** A structured setting (a JSON object checked by its schema); the fallback when unset or unreadable. */
export function getJsonSetting<T>(db: Db, key: string, schema: z.ZodType<T>, fallback: T): T {
  const row = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`);
  if (!row) return fallback;
  const value = parsedValue<T | typeof UNREADABLE>(key, row.value, schema, () => {
    const result = schema.safeParse(JSON.parse(row.value));
    return result.success ? result.data : UNREADABLE;
  });
  return value === UNREADABLE ? fallback : value;
}

const UNREADABLE = Symbol('unreadable setting');

export function setJsonSetting(db: Db, clock: Clock, key: string, value: unknown): void {
  run(
    db,
    sql`INSERT INTO settings (key, value, updated_at) VALUES (${key}, ${JSON.stringify(value)}, ${clock.now().toISOString()})
        ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
}
