// A hall database from before encryption at rest is encrypted on its first start with a key. The
// plain file is never rewritten in place: a copy is made with the online backup API, the copy is
// rekeyed and checked, and only then renamed over the original, so a crash at any point leaves
// either the untouched plain database or the finished encrypted one. A plain backup is kept beside it.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DatabaseInUseError, nativeBindingOption, openDatabase, type Db } from './connection.js';

export interface EncryptedInPlace {
  /** The plain copy kept beside the database (mode 0600); the operator deletes it once satisfied. */
  backupFile: string;
  tables: number;
  rows: number;
}

/** Row count of every table, to compare the encrypted copy against the original. */
function tableCounts(db: Db): Map<string, number> {
  const names = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  // Names come from the schema itself, never from input; quoted as identifiers.
  return new Map(names.map((n) => [n, Number(db.prepare(`SELECT count(*) FROM "${n.replaceAll('"', '""')}"`).pluck().get())]));
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([name, n]) => b.get(name) === n);
}

function timestamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** A new empty file only its owner can read, so SQLite writes into it without widening the mode. */
function createPrivateFile(file: string): void {
  writeFileSync(file, '', { mode: 0o600, flag: 'wx' });
}

function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function encryptPlaintextDatabase(file: string, key: Buffer, at: Date): Promise<EncryptedInPlace> {
  const dir = path.dirname(file);
  const backupFile = `${file}.plain-backup-${timestamp(at)}`;
  const workFile = `${file}.encrypting`;
  // Left by a start that died before its rename: the original is still the plain database.
  for (const leftover of [workFile, `${workFile}-journal`]) rmSync(leftover, { force: true });

  // Alone with the file while it is copied: a host of an older version still running on it would
  // otherwise keep writing to the plain file after the rename, and those writes would be lost.
  const source = new Database(file, { timeout: 0, ...nativeBindingOption() });
  let expected: Map<string, number>;
  let version: number;
  try {
    source.pragma('locking_mode = EXCLUSIVE');
    let check: unknown;
    try {
      check = source.pragma('quick_check', { simple: true });
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new DatabaseInUseError(file);
      throw err;
    }
    if (check !== 'ok') throw new Error(`${file} fails its integrity check (${String(check)}); it is left as it is`);
    // Everything into the main file, so both copies below carry every commit.
    const [checkpoint] = source.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint?.busy) throw new Error(`${file} is in use by another program; it is left as it is`);
    expected = tableCounts(source);
    version = Number(source.pragma('user_version', { simple: true }));
    createPrivateFile(backupFile);
    await source.backup(backupFile);
    createPrivateFile(workFile);
    await source.backup(workFile);
  } finally {
    source.close();
  }

  const work = new Database(workFile, nativeBindingOption());
  try {
    // rekey rewrites every page in a rollback-journal transaction; it is refused in WAL mode.
    if (work.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw new Error('could not leave WAL mode to encrypt');
    work.pragma(`cipher = 'sqlcipher'`);
    work.pragma('legacy = 4');
    work.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    work.close();
  }

  // Reopened with the key as the host will open it (back in WAL), and compared with the original.
  const check = openDatabase(workFile, { key });
  try {
    const ok = check.pragma('quick_check', { simple: true });
    const counts = tableCounts(check);
    if (ok !== 'ok' || Number(check.pragma('user_version', { simple: true })) !== version || !sameCounts(expected, counts)) {
      throw new Error('the encrypted copy does not match the original; the plain database is left as it is');
    }
    check.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    check.close();
  }
  fsyncPath(workFile);
  // The plain database's WAL and index were emptied above and belong to the old file: they go first.
  for (const side of [`${file}-wal`, `${file}-shm`]) rmSync(side, { force: true });
  renameSync(workFile, file);
  if (process.platform !== 'win32') fsyncPath(dir);
  const verify = openDatabase(file, { key });
  verify.close();
  return { backupFile, tables: expected.size, rows: [...expected.values()].reduce((a, b) => a + b, 0) };
}
