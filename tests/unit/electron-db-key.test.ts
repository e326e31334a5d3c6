// The desktop side of the database key (electron/main/db-key-store.ts) with a fake safeStorage: the
// key is sealed in userData, unsealed at each start, handed to the hall in HALL_DB_KEY, and never
// minted for a database that is already encrypted.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseKeyStoreError, keychainUsable, loadDatabaseKey, SEALED_KEY_FILE, withDatabaseKey, type SafeStorageLike } from '../../electron/main/db-key-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folders(): { userDataDir: string; hallDataDir: string } {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'hall-userdata-'));
  dirs.push(userDataDir);
  const hallDataDir = path.join(userDataDir, 'hall-data');
  mkdirSync(hallDataDir);
  return { userDataDir, hallDataDir };
}

/** Seals by XOR with a byte and a marker, so a test can tell sealed from plain and a foreign blob fails. */
class FakeSafeStorage implements SafeStorageLike {
  sealed = 0;
  constructor(
    private readonly available = true,
    private readonly backend = 'gnome_libsecret',
  ) {}
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
  encryptString(plainText: string): Buffer {
    this.sealed++;
    return Buffer.concat([Buffer.from('FAKE'), Buffer.from(plainText).map((b) => b ^ 0x5a)]);
  }
  decryptString(encrypted: Buffer): string {
    if (!encrypted.subarray(0, 4).equals(Buffer.from('FAKE'))) throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(encrypted.subarray(4).map((b) => b ^ 0x5a)).toString();
  }
}

const fixed = (byte: number) => () => Buffer.alloc(32, byte);

describe('loadDatabaseKey', () => {
  it('creates 32 random bytes on first start, seals them in userData (0600), and unseals the same key later', () => {
    const dirs = folders();
    const safeStorage = new FakeSafeStorage();
    const first = loadDatabaseKey({ safeStorage, ...dirs, platform: 'linux', random: fixed(0xab) });
    expect(first).toEqual({ keyHex: 'ab'.repeat(32), source: 'created' });
    const file = path.join(dirs.userDataDir, SEALED_KEY_FILE);
    const stored = readFileSync(file);
    expect(stored.includes(Buffer.from('ab'.repeat(32)))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    const again = loadDatabaseKey({ safeStorage, ...dirs, platform: 'linux', random: fixed(0xcd) });
    expect(again).toEqual({ keyHex: 'ab'.repeat(32), source: 'sealed' });
    expect(safeStorage.sealed).toBe(1);
  });

  it('leaves the key to the hall where the OS has no real keychain', () => {
    for (const safeStorage of [new FakeSafeStorage(false), new FakeSafeStorage(true, 'basic_text'), new FakeSafeStorage(true, 'unknown')]) {
      const dirs = folders();
      expect(loadDatabaseKey({ safeStorage, ...dirs, platform: 'linux' })).toEqual({ keyHex: null, reason: 'no-keychain' });
      expect(safeStorage.sealed).toBe(0);
    }
    // basic_text is a Linux-only notion; Windows' DPAPI is always real.
    expect(keychainUsable(new FakeSafeStorage(true, 'basic_text'), 'win32')).toBe(true);
  });

  it('keeps using the hall key file of a folder that already has one', () => {
    const dirs = folders();
    writeFileSync(path.join(dirs.hallDataDir, 'hall.db.key'), `${'11'.repeat(32)}\n`, { mode: 0o600 });
    const safeStorage = new FakeSafeStorage();
    expect(loadDatabaseKey({ safeStorage, ...dirs, platform: 'linux' })).toEqual({ keyHex: null, reason: 'hall-key-file' });
    expect(safeStorage.sealed).toBe(0);
  });

  it('never mints a key for a database that is already encrypted', () => {
    const dirs = folders();
    writeFileSync(path.join(dirs.hallDataDir, 'hall.db'), Buffer.alloc(4096, 3));
    const safeStorage = new FakeSafeStorage();
    expect(loadDatabaseKey({ safeStorage, ...dirs, platform: 'linux' })).toEqual({ keyHex: null, reason: 'encrypted-without-key' });
    expect(safeStorage.sealed).toBe(0);
  });

  it('mints one for a plain database from before, which the hall then encrypts', () => {
    const dirs = folders();
    writeFileSync(path.join(dirs.hallDataDir, 'hall.db'), Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080)]));
    expect(loadDatabaseKey({ safeStorage: new FakeSafeStorage(), ...dirs, platform: 'win32', random: fixed(1) })).toMatchObject({ source: 'created' });
  });

  it('refuses, without replacing it, a sealed key it cannot open', () => {
    const dirs = folders();
    const file = path.join(dirs.userDataDir, SEALED_KEY_FILE);
    writeFileSync(file, 'sealed on another PC');
    expect(() => loadDatabaseKey({ safeStorage: new FakeSafeStorage(), ...dirs, platform: 'linux' })).toThrow(DatabaseKeyStoreError);
    expect(() => loadDatabaseKey({ safeStorage: new FakeSafeStorage(false), ...dirs, platform: 'linux' })).toThrow(/keychain is not available/);
    writeFileSync(file, new FakeSafeStorage().encryptString('not a key'));
    expect(() => loadDatabaseKey({ safeStorage: new FakeSafeStorage(), ...dirs, platform: 'linux' })).toThrow(/damaged/);
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('FAKE');
  });
});

describe('withDatabaseKey', () => {
  it('adds HALL_DB_KEY to the hall process environment only when this side holds the key', () => {
    const env = { PATH: '/bin' };
    expect(withDatabaseKey(env, { keyHex: 'ab'.repeat(32), source: 'sealed' })).toEqual({ PATH: '/bin', HALL_DB_KEY: 'ab'.repeat(32) });
    expect(withDatabaseKey(env, { keyHex: null, reason: 'no-keychain' })).toBe(env);
    expect(env).toEqual({ PATH: '/bin' });
  });
});
