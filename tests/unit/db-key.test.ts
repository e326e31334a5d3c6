// Where the hall database key comes from (db/db-key.ts): HALL_DB_KEY, else a 0600 key file that is
// created only while nothing is encrypted yet, and refused when others can read it.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileState, DatabaseKeyError, DB_KEY_FILE, keyFileTooOpen, parseKeyHex, readKeyFile, resolveDatabaseKey } from '../../db/db-key.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hall-key-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const HEX = '0123456789abcdef'.repeat(4);
const posix = process.platform !== 'win32';

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof DatabaseKeyError) return err.problem;
    throw err;
  }
  return 'none';
}

describe('parseKeyHex', () => {
  it('takes 64 hex digits, either case, surrounding white space ignored', () => {
    expect(parseKeyHex(HEX, 'x').toString('hex')).toBe(HEX);
    expect(parseKeyHex(` ${HEX.toUpperCase()}\n`, 'x').toString('hex')).toBe(HEX);
  });

  it.each(['', 'abc', HEX.slice(1), `${HEX}0`, `${HEX.slice(2)}zz`, `x'${HEX}'`])('refuses %j, naming the source', (text) => {
    expect(() => parseKeyHex(text, 'HALL_DB_KEY')).toThrow(/HALL_DB_KEY.*64 hexadecimal/);
  });

  it('never repeats the key in its message', () => {
    expect(() => parseKeyHex(`${HEX}ff`, 'k')).toThrow(expect.objectContaining({ message: expect.not.stringContaining(HEX) }));
  });
});

describe('keyFileTooOpen', () => {
  it.each([
    [0o600, false],
    [0o400, false],
    [0o700, false],
    [0o640, true],
    [0o604, true],
    [0o644, true],
    [0o660, true],
    [0o602, true],
    [0o100600, false],
    [0o100644, true],
  ])('mode %s on POSIX → too open: %s', (mode, open) => {
    expect(keyFileTooOpen(mode, 'linux')).toBe(open);
    expect(keyFileTooOpen(mode, 'darwin')).toBe(open);
  });

  it('leaves Windows (ACLs, no mode bits) alone', () => {
    expect(keyFileTooOpen(0o666, 'win32')).toBe(false);
  });
});

describe('resolveDatabaseKey', () => {
  it('takes HALL_DB_KEY first and writes nothing', () => {
    const dir = tempDir();
    const { key, source } = resolveDatabaseKey(dir, { HALL_DB_KEY: HEX });
    expect({ hex: key.toString('hex'), source }).toEqual({ hex: HEX, source: 'env' });
    expect(() => statSync(path.join(dir, DB_KEY_FILE))).toThrow();
  });

  it('creates a 0600 key file of 32 random bytes (as hex) in a new folder, then reads the same key back', () => {
    const dir = tempDir();
    const first = resolveDatabaseKey(dir, {});
    expect(first.source).toBe('created');
    expect(first.key).toHaveLength(32);
    const file = path.join(dir, DB_KEY_FILE);
    expect(readFileSync(file, 'utf8')).toBe(`${first.key.toString('hex')}\n`);
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = resolveDatabaseKey(dir, {});
    expect(again).toEqual({ key: first.key, source: 'file' });
    expect(resolveDatabaseKey(tempDir(), {}).key.equals(first.key)).toBe(false);
  });

  it.skipIf(!posix)('refuses a key file others can read, saying how to fix it', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_KEY_FILE);
    writeFileSync(file, HEX, { mode: 0o600 });
    chmodSync(file, 0o644);
    expect(problemOf(() => resolveDatabaseKey(dir, {}))).toBe('key-file-permissions');
    expect(() => readKeyFile(file)).toThrow(/0644.*chmod 600/s);
    chmodSync(file, 0o640);
    expect(problemOf(() => resolveDatabaseKey(dir, {}))).toBe('key-file-permissions');
    chmodSync(file, 0o600);
    expect(resolveDatabaseKey(dir, {}).key.toString('hex')).toBe(HEX);
  });

  it('refuses a damaged key file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, DB_KEY_FILE), 'short\n', { mode: 0o600 });
    expect(problemOf(() => resolveDatabaseKey(dir, {}))).toBe('malformed-key');
  });

  it('never mints a new key for an encrypted database whose key file is gone', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'hall.db'), Buffer.alloc(4096, 7));
    expect(problemOf(() => resolveDatabaseKey(dir, {}))).toBe('missing-key');
    expect(() => statSync(path.join(dir, DB_KEY_FILE))).toThrow();
  });

  it('creates a key for a plain database (to encrypt it) and for an empty file', () => {
    const plain = tempDir();
    writeFileSync(path.join(plain, 'hall.db'), Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    expect(resolveDatabaseKey(plain, {}).source).toBe('created');
    const empty = tempDir();
    writeFileSync(path.join(empty, 'hall.db'), '');
    expect(resolveDatabaseKey(empty, {}).source).toBe('created');
  });
});

describe('databaseFileState', () => {
  it('tells absent, plain and encrypted files apart by the first 16 bytes', () => {
    const dir = tempDir();
    const file = path.join(dir, 'hall.db');
    expect(databaseFileState(file)).toBe('absent');
    writeFileSync(file, '');
    expect(databaseFileState(file)).toBe('absent');
    writeFileSync(file, 'SQLite format 3\0 and the rest');
    expect(databaseFileState(file)).toBe('plaintext');
    writeFileSync(file, 'SQLite format 3');
    expect(databaseFileState(file)).toBe('encrypted');
    writeFileSync(file, Buffer.alloc(4096, 1));
    expect(databaseFileState(file)).toBe('encrypted');
  });
});
