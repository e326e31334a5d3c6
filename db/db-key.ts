// The key the hall database is encrypted with (DESIGN §4). Headless it comes from HALL_DB_KEY or from
// a 0600 key file beside the database; the desktop app keeps it sealed with Electron's safeStorage
// and hands it to the hall process in HALL_DB_KEY. Losing the key loses the database, so it is never
// replaced silently: a missing key file next to an encrypted database is an error, not a new key.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const DB_KEY_ENV = 'HALL_DB_KEY';
export const DB_KEY_FILE = 'hall.db.key';
const KEY_BYTES = 32;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type DatabaseKeyProblem = 'wrong-key' | 'missing-key' | 'key-file-permissions' | 'malformed-key';

/** A key that cannot be used, said in Chinese first and English; never contains the key. */
export class DatabaseKeyError extends Error {
  constructor(
    readonly problem: DatabaseKeyProblem,
    zh: string,
    en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'DatabaseKeyError';
  }
}

export function wrongKeyError(file: string): DatabaseKeyError {
  return new DatabaseKeyError(
    'wrong-key',
    `数据库密钥不正确，无法打开 ${file}；数据库未被改动。请使用加密该数据库时的密钥（${DB_KEY_FILE} 或环境变量 ${DB_KEY_ENV}）`,
    `the database key is wrong, ${file} cannot be opened; nothing was changed. Use the key it was encrypted with (${DB_KEY_FILE} or ${DB_KEY_ENV})`,
  );
}

/** 64 hex digits (32 bytes), the form of HALL_DB_KEY and of the key file. */
export function parseKeyHex(text: string, source: string): Buffer {
  const trimmed = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    throw new DatabaseKeyError(
      'malformed-key',
      `${source} 中的数据库密钥格式不对：应为 64 个十六进制字符`,
      `the database key in ${source} is malformed: it must be 64 hexadecimal characters`,
    );
  }
  return Buffer.from(trimmed, 'hex');
}

/** Whether a key file's mode lets anyone but its owner read or write it (POSIX only; Windows has ACLs). */
export function keyFileTooOpen(mode: number, platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32' && (mode & 0o077) !== 0;
}

/** What the first 16 bytes of the file say: absent or empty, a plain SQLite file, or anything else (encrypted). */
export function databaseFileState(file: string): 'absent' | 'plaintext' | 'encrypted' {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw err;
  }
  try {
    if (fstatSync(fd).size === 0) return 'absent';
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.equals(SQLITE_HEADER) ? 'plaintext' : 'encrypted';
  } finally {
    closeSync(fd);
  }
}

export function readKeyFile(file: string, platform: NodeJS.Platform = process.platform): Buffer {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (keyFileTooOpen(stat.mode, platform)) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
      throw new DatabaseKeyError(
        'key-file-permissions',
        `密钥文件 ${file} 的权限为 ${mode}，其他用户可以读取，拒绝使用；请执行 chmod 600 ${file} 后重试`,
        `the key file ${file} has mode ${mode}, readable by other users, so it is refused; run chmod 600 ${file} and try again`,
      );
    }
    return parseKeyHex(readFileSync(fd, 'utf8'), file);
  } finally {
    closeSync(fd);
  }
}

export interface DatabaseKey {
  key: Buffer;
  /** env: HALL_DB_KEY; file: the key file; created: a key file written now for a new or plaintext database. */
  source: 'env' | 'file' | 'created';
}

/** Which database a key belongs to: the hall's, or a village node's (its own file, key file and variable). */
export interface DatabaseFiles {
  db: string;
  keyFile: string;
  keyEnv: string;
}

export const HALL_DATABASE_FILES: DatabaseFiles = { db: 'hall.db', keyFile: DB_KEY_FILE, keyEnv: DB_KEY_ENV };

/** The key for `<dataDir>/hall.db`: HALL_DB_KEY if set, else the key file, created only when nothing is encrypted yet. */
export function resolveDatabaseKey(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  files: DatabaseFiles = HALL_DATABASE_FILES,
): DatabaseKey {
  const keyEnv = files.keyEnv;
  const fromEnv = env[keyEnv];
  if (fromEnv !== undefined && fromEnv !== '') return { key: parseKeyHex(fromEnv, keyEnv), source: 'env' };
  const file = path.join(dataDir, files.keyFile);
  try {
    statSync(file);
    return { key: readKeyFile(file, platform), source: 'file' };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const dbFile = path.join(dataDir, files.db);
  if (databaseFileState(dbFile) === 'encrypted') {
    throw new DatabaseKeyError(
      'missing-key',
      `${dbFile} 已加密，但找不到密钥：既没有 ${file}，也没有设置环境变量 ${keyEnv}。请从备份恢复密钥文件`,
      `${dbFile} is encrypted but its key is missing: there is no ${file} and ${keyEnv} is not set. Restore the key file from your backup`,
    );
  }
  const key = randomBytes(KEY_BYTES);
  try {
    // 'wx': never overwrite a key another start wrote meanwhile.
    writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { key: readKeyFile(file, platform), source: 'file' };
    throw err;
  }
  return { key, source: 'created' };
}
