// The hall database key in the desktop app: 32 random bytes sealed with Electron's safeStorage (the
// OS keychain: DPAPI on Windows, the Secret Service or KWallet on Linux) in userData, unsealed at
// each start and handed to the hall process in HALL_DB_KEY. Where the OS offers no real keychain,
// the hall keeps its own 0600 key file in the data folder, as headless. A key is never minted for a
// database that is already encrypted: that would lock the hall out of its own data.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of Electron's safeStorage used here, so tests can pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded password, no protection. */
  getSelectedStorageBackend?(): string;
}

export const SEALED_KEY_FILE = 'hall-db-key.sealed';
/** The hall's own key file (db/db-key.ts DB_KEY_FILE; electron/main may not import db/). */
export const HALL_KEY_FILE = 'hall.db.key';
export const DB_KEY_ENV = 'HALL_DB_KEY';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export class DatabaseKeyStoreError extends Error {
  override name = 'DatabaseKeyStoreError';
}

export type DesktopDatabaseKey =
  | { keyHex: string; source: 'sealed' | 'created' }
  /** No key from here: the hall uses (or creates) its key file, or says the key is missing. */
  | { keyHex: null; reason: 'hall-key-file' | 'no-keychain' | 'encrypted-without-key' };

export interface KeyStoreOptions {
  safeStorage: SafeStorageLike;
  userDataDir: string;
  hallDataDir: string;
  platform?: NodeJS.Platform;
  random?: (bytes: number) => Buffer;
}

/** A keychain worth the name: available, and on Linux not the plain-text fallback. */
export function keychainUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  return backend !== 'basic_text' && backend !== 'unknown';
}

/** Whether hall.db exists and is not a plain SQLite file (so it was encrypted with some key). */
function hallDatabaseEncrypted(hallDataDir: string): boolean {
  let fd: number;
  try {
    fd = openSync(path.join(hallDataDir, 'hall.db'), 'r');
  } catch {
    return false;
  }
  try {
    if (fstatSync(fd).size === 0) return false;
    const header = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, header, 0, header.length, 0) !== header.length || !header.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Written beside, synced, then renamed: a crash leaves no half-written sealed key. */
function writePrivateFile(file: string, data: Buffer): void {
  const temp = `${file}.tmp`;
  rmSync(temp, { force: true });
  writeFileSync(temp, data, { mode: 0o600, flag: 'wx' });
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

export function loadDatabaseKey(options: KeyStoreOptions): DesktopDatabaseKey {
  const platform = options.platform ?? process.platform;
  const sealedFile = path.join(options.userDataDir, SEALED_KEY_FILE);
  if (existsSync(sealedFile)) {
    if (!options.safeStorage.isEncryptionAvailable()) {
      throw new DatabaseKeyStoreError(
        `系统密钥环不可用，无法解开数据库密钥（${sealedFile}）/ the system keychain is not available to unseal the database key (${sealedFile})`,
      );
    }
    let keyHex: string;
    try {
      keyHex = options.safeStorage.decryptString(readFileSync(sealedFile));
    } catch {
      throw new DatabaseKeyStoreError(`数据库密钥无法解开（${sealedFile}）/ the database key cannot be unsealed (${sealedFile})`);
    }
    if (!/^[0-9a-f]{64}$/.test(keyHex)) throw new DatabaseKeyStoreError(`数据库密钥已损坏（${sealedFile}）/ the sealed database key is damaged (${sealedFile})`);
    return { keyHex, source: 'sealed' };
  }
  if (existsSync(path.join(options.hallDataDir, HALL_KEY_FILE))) return { keyHex: null, reason: 'hall-key-file' };
  if (hallDatabaseEncrypted(options.hallDataDir)) return { keyHex: null, reason: 'encrypted-without-key' };
  if (!keychainUsable(options.safeStorage, platform)) return { keyHex: null, reason: 'no-keychain' };
  const keyHex = (options.random ?? randomBytes)(32).toString('hex');
  writePrivateFile(sealedFile, options.safeStorage.encryptString(keyHex));
  return { keyHex, source: 'created' };
}

/** The hall process's environment with the key added when this side holds it. */
export function withDatabaseKey(env: NodeJS.ProcessEnv, key: DesktopDatabaseKey): NodeJS.ProcessEnv {
  return key.keyHex === null ? env : { ...env, [DB_KEY_ENV]: key.keyHex };
}

/** The key as a recovery key to print: 64 hex digits in eight groups of eight, upper case. */
export function formatRecoveryKey(keyHex: string): string {
  return (keyHex.toUpperCase().match(/.{8}/g) ?? []).join('-');
}

/** A typed recovery key (groups, spaces, dashes, any case) back to the key's 64 hex digits, or null. */
export function parseRecoveryKey(text: string): string | null {
  const hex = text.replace(/[\s-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

export function hasSealedKey(userDataDir: string): boolean {
  return existsSync(path.join(userDataDir, SEALED_KEY_FILE));
}

/** The sealed key as a recovery key; null when this PC has no sealed key (a hall key file, or none yet). */
export function exportRecoveryKey(options: Pick<KeyStoreOptions, 'safeStorage' | 'userDataDir'>): string | null {
  if (!hasSealedKey(options.userDataDir)) return null;
  const key = loadDatabaseKey({ ...options, hallDataDir: options.userDataDir });
  return key.keyHex === null ? null : formatRecoveryKey(key.keyHex);
}

export type RecoveryImport = 'sealed' | 'invalid' | 'key-exists' | 'no-keychain';

/**
 * On a new PC, a moved hall database comes with its recovery key: sealed here, it opens the
 * database at the next start. Never over a key this PC already has.
 */
export function importRecoveryKey(options: KeyStoreOptions, text: string): RecoveryImport {
  const keyHex = parseRecoveryKey(text);
  if (keyHex === null) return 'invalid';
  if (hasSealedKey(options.userDataDir) || existsSync(path.join(options.hallDataDir, HALL_KEY_FILE))) return 'key-exists';
  if (!keychainUsable(options.safeStorage, options.platform ?? process.platform)) return 'no-keychain';
  writePrivateFile(path.join(options.userDataDir, SEALED_KEY_FILE), options.safeStorage.encryptString(keyHex));
  return 'sealed';
}
