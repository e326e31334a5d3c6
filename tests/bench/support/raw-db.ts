// The host's database opened with no pragmas of ours but its key, for the generators that write in
// bulk modes the host itself never uses.
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyDatabaseKey, type Db } from '../../../db/connection.js';
import { databaseFileState, resolveDatabaseKey } from '../../../db/db-key.js';

export function openRawHostDatabase(dbFile: string): Db {
  const encrypted = databaseFileState(dbFile) === 'encrypted';
  const db = new Database(dbFile);
  if (encrypted) applyDatabaseKey(db, resolveDatabaseKey(path.dirname(dbFile), {}).key);
  return db;
}
