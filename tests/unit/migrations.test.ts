import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/connection.js';
import { DatabaseFromFutureError, latestVersion, migrate, schemaVersion } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';

const dirs: string[] = [];
function tempDb(): Db {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hall-mig-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'hall.db'));
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The schema as SQLite reports it, sorted, so a change to any migration shows up in the snapshot. */
function schema(db: Db): string {
  return (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Array<{ type: string; name: string; sql: string }>)
    .map((r) => `-- ${r.type} ${r.name}\n${r.sql.replace(/\s+/g, ' ').trim()}`)
    .join('\n');
}

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = tempDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });
});

describe('migrate', () => {
  it('brings a new database to the latest version in one go', () => {
    const db = tempDb();
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('matches the schema snapshot', () => {
    const db = tempDb();
    migrate(db);
    expect(schema(db)).toMatchSnapshot();
    db.close();
  });

  it('upgrades an older database, keeping its rows', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('hall.name', '\"旧\"', 'x')").run();
    const next = { version: 2, name: 'test-add-column', up: (d: Db) => d.exec('ALTER TABLE settings ADD COLUMN note TEXT') };
    expect(migrate(db, [...migrations.slice(0, 1), next])).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT value, note FROM settings').get()).toEqual({ value: '"旧"', note: null });
    db.close();
  });

  it('rolls back every step of a failed run, version included', () => {
    const db = tempDb();
    const broken = { version: 2, name: 'broken', up: (d: Db) => d.exec('CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table') };
    expect(() => migrate(db, [...migrations.slice(0, 1), broken])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a database from a newer program with a clear message, changing nothing', () => {
    const db = tempDb();
    db.pragma('user_version = 42');
    expect(() => migrate(db)).toThrow(DatabaseFromFutureError);
    expect(() => migrate(db)).toThrow(/数据库版本 42.*newer than this program/);
    expect(schemaVersion(db)).toBe(42);
    db.close();
  });

  it('refuses gaps in the numbering', () => {
    const db = tempDb();
    expect(() => migrate(db, [{ version: 2, name: 'x', up: () => undefined }])).toThrow(/without gaps/);
    db.close();
  });
});
