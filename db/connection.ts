// Opens the hall database with the pragmas DESIGN §7 requires, and checks that they took.
import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;

export interface OpenOptions {
  /** Milliseconds a writer waits for a lock held by another connection (a backup, a report reader). */
  busyTimeoutMs?: number;
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    if (!options.readonly && file !== ':memory:') {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`could not switch ${file} to WAL (journal_mode is ${String(mode)})`);
    }
    // better-sqlite3 leaves WAL databases at synchronous=NORMAL, which can lose the last commits on power
    // loss; a ticket handed to a citizen must survive, so FULL is set explicitly.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (db.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('foreign_keys could not be enabled');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
