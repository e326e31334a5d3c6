// Applies the numbered migrations in one transaction and records the version in PRAGMA user_version.
import type { Db } from './connection.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

export class DatabaseFromFutureError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `数据库版本 ${found} 比本程序支持的版本 ${supported} 新，请先升级程序 / ` +
        `the database is at schema version ${found}, newer than this program's ${supported}; upgrade the program`,
    );
    this.name = 'DatabaseFromFutureError';
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Brings the database to the latest version; returns the versions applied. */
export function migrate(db: Db, migrations: readonly Migration[] = allMigrations): number[] {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration versions must run 1..n without gaps; found ${m.version} at ${i + 1}`);
  });
  const current = schemaVersion(db);
  const latest = latestVersion(ordered);
  if (current > latest) throw new DatabaseFromFutureError(current, latest);
  const pending = ordered.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return pending.map((m) => m.version);
}
