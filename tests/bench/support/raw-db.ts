// The host's database opened with no pragmas of ours but its key, for the generators that write in
// bulk modes the host itself never uses.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyDatabaseKey, registerHallFunctions, type Db } from '../../../db/connection.js';
import { databaseFileState, resolveDatabaseKey } from '../../../db/db-key.js';

export function openRawHostDatabase(dbFile: string): Db {
  const encrypted = databaseFileState(dbFile) === 'encrypted';
  const db = new Database(dbFile);
  if (encrypted) applyDatabaseKey(db, resolveDatabaseKey(path.dirname(dbFile), {}).key);
  registerHallFunctions(db);
  return db;
}

/**
 * The host's database opened for a generator's bulk write: no journal, no fsync, no foreign-key
 * checks, one exclusive lock. The host must be stopped, and a crash here loses only bench data;
 * `closeBulkDatabase` puts the file back to WAL before anyone else opens it (synchronous is per
 * connection: the host sets FULL itself).
 */
export function openBulkDatabase(dbFile: string): Db {
  const db = openRawHostDatabase(dbFile);
  db.pragma('journal_mode = DELETE');
  // better-sqlite3 opens in SQLite's defensive mode, which silently refuses journal_mode=OFF.
  db.unsafeMode(true);
  const bulk = db.pragma('journal_mode = OFF', { simple: true });
  if (bulk !== 'off') throw new Error(`could not switch off the journal for generation: ${String(bulk)}`);
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  return db;
}

export function closeBulkDatabase(db: Db): void {
  // No ANALYZE: the host never runs it, so the planner works without statistics here as in a hall.
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = DELETE');
  db.unsafeMode(false);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`could not switch back to WAL: ${String(mode)}`);
  db.close();
  // Out of the page cache now: delayed writeback would otherwise stall the host's fsyncs mid-measurement.
  execFileSync('sync');
}
