// Opens the hall database with the pragmas DESIGN §7 requires, and checks that they took.
import Database from 'better-sqlite3-multiple-ciphers';
import { businessDayOf } from '../electron/hall/queue/business-day.js';
import { databaseFileState, wrongKeyError } from './db-key.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Milliseconds a writer waits for a lock held by another connection (a backup, a report reader). */
  busyTimeoutMs?: number;
  readonly?: boolean;
  /** The 32-byte key of an encrypted database (db-key.ts); null or absent: a plain database (tests, :memory:). */
  key?: Buffer | null;
  /**
   * Take the file for this connection alone (locking_mode=EXCLUSIVE before the first read, no wait):
   * refused with DatabaseInUseError while the host or anything else has it open.
   */
  exclusive?: boolean;
}

export class DatabaseInUseError extends Error {
  constructor(file: string) {
    super(
      `数据库 ${file} 正被其他程序使用（大厅服务是否正在运行？请先停止它）/ ` +
        `the database ${file} is in use by another program (is the hall host running? stop it first)`,
    );
    this.name = 'DatabaseInUseError';
  }
}

/**
 * SQLCipher 4 settings, named rather than left to the library's default cipher (ChaCha20), so the
 * standard sqlcipher tools open the file with `PRAGMA key = "x'<64 hex>'"`. The key is a raw 256-bit
 * key (x'…'), so no passphrase derivation runs at each open. Must come before any other statement.
 */
export function applyDatabaseKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new Error('the database key must be 32 bytes');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** Set by the desktop app (and the Node 24 CI run): the SQLite addon built for that runtime's ABI. */
export const SQLITE_BINDING_ENV = 'HALL_SQLITE_BINDING';

/**
 * better-sqlite3's `nativeBinding` when HALL_SQLITE_BINDING names one (native/<runtime>-…/
 * better_sqlite3.node); otherwise nothing, and the package loads its own build in node_modules.
 */
export function nativeBindingOption(env: NodeJS.ProcessEnv = process.env): { nativeBinding?: string } {
  const binding = env[SQLITE_BINDING_ENV];
  return binding ? { nativeBinding: binding } : {};
}

/**
 * The SQL functions the schema's triggers call, on every connection that may write (migration 16):
 * `hall_day(instant, timeZone)` is the hall day an ISO instant falls on, the app's own businessDayOf.
 */
export function registerHallFunctions(db: Db): void {
  db.function('hall_day', { deterministic: true }, (instant: unknown, timeZone: unknown) => {
    if (typeof instant !== 'string' || typeof timeZone !== 'string') return null;
    const at = new Date(instant);
    return Number.isNaN(at.getTime()) ? null : businessDayOf(at, timeZone);
  });
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const key = options.key ?? null;
  const db = new Database(file, { readonly: options.readonly ?? false, timeout: options.exclusive ? 0 : 5000, ...nativeBindingOption() });
  try {
    if (key) applyDatabaseKey(db, key);
    if (options.exclusive) db.pragma('locking_mode = EXCLUSIVE');
    // The first read: a wrong key fails here, before anything (a WAL switch, a migration) is written.
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (err) {
      const code = (err as { code?: string }).code;
      // A key on a plain file reads as a wrong key; the caller encrypts it first (encrypt-in-place.ts).
      // The file's header is read only here, once the open has failed: POSIX drops every lock a
      // process holds on a file when any of its descriptors of that file closes, so reading it up front
      // from a worker (report, backup, checkpoint threads) took the host's own SHARED lock away, and
      // with it what keeps an exclusive tool (--reset-admin-password, restore) out while the host runs.
      if (key && code === 'SQLITE_NOTADB') throw databaseFileState(file) === 'plaintext' ? new Error(`${file} is not encrypted yet`) : wrongKeyError(file);
      if (options.exclusive && code === 'SQLITE_BUSY') throw new DatabaseInUseError(file);
      throw err;
    }
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
    registerHallFunctions(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
