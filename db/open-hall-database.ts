// How the host and its tools open `<dataDir>/hall.db`: with its key (db-key.ts), a plain database
// from before encryption at rest encrypted first (encrypt-in-place.ts).
import path from 'node:path';
import { openDatabase, type Db } from './connection.js';
import { databaseFileState, HALL_DATABASE_FILES, resolveDatabaseKey, type DatabaseFiles, type DatabaseKey } from './db-key.js';
import { encryptPlaintextDatabase, type EncryptedInPlace } from './encrypt-in-place.js';
import { DatabaseFromFutureError, latestVersion, schemaVersion } from './migrate.js';
import { migrations as hallMigrations, type Migration } from './migrations/index.js';

export const HALL_DB_FILE = 'hall.db';

export interface OpenedHallDatabase {
  db: Db;
  dbFile: string;
  key: Buffer;
  keySource: DatabaseKey['source'];
  /** Set when this start encrypted a plain database. */
  encrypted: EncryptedInPlace | null;
}

export interface OpenHallOptions {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** For tools that must be alone with the database (connection.ts `exclusive`). */
  exclusive?: boolean;
  /** A village node's database (its own file and key) instead of the hall's; with its migrations. */
  files?: DatabaseFiles;
  migrations?: readonly Migration[];
}

function refuseFromFuture(dbFile: string, migrations: readonly Migration[]): void {
  const plain = openDatabase(dbFile, { readonly: true });
  try {
    const found = schemaVersion(plain);
    if (found > latestVersion(migrations)) throw new DatabaseFromFutureError(found, latestVersion(migrations));
  } finally {
    plain.close();
  }
}

export async function openHallDatabase(dataDir: string, options: OpenHallOptions = {}): Promise<OpenedHallDatabase> {
  const files = options.files ?? HALL_DATABASE_FILES;
  const dbFile = path.join(dataDir, files.db);
  const plaintext = databaseFileState(dbFile) === 'plaintext';
  // A database this program cannot use is refused as it is, not converted first.
  if (plaintext) refuseFromFuture(dbFile, options.migrations ?? hallMigrations);
  const { key, source } = resolveDatabaseKey(dataDir, options.env ?? process.env, process.platform, files);
  let encrypted: EncryptedInPlace | null = null;
  if (plaintext) {
    encrypted = await encryptPlaintextDatabase(dbFile, key, (options.now ?? (() => new Date()))());
  }
  const db = openDatabase(dbFile, { key, exclusive: options.exclusive ?? false });
  return { db, dbFile, key, keySource: source, encrypted };
}
