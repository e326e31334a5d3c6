// The encrypted hall database on a real file (db/connection.ts, db/encrypt-in-place.ts): the page
// format is SQLCipher 4's, a wrong key changes nothing, a plain database is encrypted with its WAL
// and a 0600 backup, and a database someone else has open is left alone.
import { createDecipheriv, createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../db/backup.js';
import { DatabaseInUseError, openDatabase } from '../../db/connection.js';
import { DatabaseKeyError } from '../../db/db-key.js';
import { encryptPlaintextDatabase } from '../../db/encrypt-in-place.js';

const ID_NUMBER = '11010519491231002X';
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hall-cipher-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const AT = new Date('2026-03-02T01:02:03Z');

function encryptedWithRow(key: Buffer): string {
  const file = path.join(tempDir(), 'hall.db');
  const db = openDatabase(file, { key });
  db.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, id_number TEXT NOT NULL) STRICT');
  db.prepare('INSERT INTO people (id_number) VALUES (?)').run(ID_NUMBER);
  db.close();
  return file;
}

/** A plain database as the previous version left it, with its last commits only in the WAL. */
function plainWithWal(rows: number): { file: string; close(): void } {
  const dir = tempDir();
  const db = openDatabase(path.join(dir, 'live.db'));
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, id_number TEXT NOT NULL) STRICT; CREATE INDEX people_by_number ON people(id_number)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const insert = db.prepare('INSERT INTO people (id_number) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(i === 0 ? ID_NUMBER : `row-${i}`);
  })();
  db.pragma('user_version = 7');
  const file = path.join(dir, 'hall.db');
  copyFileSync(path.join(dir, 'live.db'), file);
  copyFileSync(path.join(dir, 'live.db-wal'), `${file}-wal`);
  return { file, close: () => db.close() };
}

describe('the encrypted file', () => {
  it('is SQLCipher 4 (AES-256-CBC pages, HMAC-SHA512, raw key) as checked here with node:crypto alone', () => {
    const key = randomBytes(32);
    const page = readFileSync(encryptedWithRow(key)).subarray(0, 4096);
    const salt = page.subarray(0, 16);
    const iv = page.subarray(4096 - 80, 4096 - 64);
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(page.subarray(16, 4096 - 80)), decipher.final()]);
    // The SQLite header from byte 16: page size 4096, then 80 reserved bytes per page (IV + HMAC).
    expect(plain.readUInt16BE(0)).toBe(4096);
    expect(plain[4]).toBe(80);
    const hmacKey = pbkdf2Sync(key, Buffer.from(salt.map((b) => b ^ 0x3a)), 2, 32, 'sha512');
    const pageNo = Buffer.alloc(4);
    pageNo.writeUInt32LE(1);
    expect(createHmac('sha512', hmacKey).update(page.subarray(16, 4096 - 64)).update(pageNo).digest().equals(page.subarray(4096 - 64))).toBe(true);
  });

  it('holds no ID number in its bytes and reads back with the key', () => {
    const key = randomBytes(32);
    const file = encryptedWithRow(key);
    expect(readFileSync(file).includes(ID_NUMBER)).toBe(false);
    const db = openDatabase(file, { key, readonly: true });
    expect(db.prepare('SELECT id_number FROM people').pluck().get()).toBe(ID_NUMBER);
    db.close();
  });

  it('refuses a wrong key (and no key) before writing anything: same bytes, no WAL, no index file', () => {
    const file = encryptedWithRow(randomBytes(32));
    const before = sha(file);
    let error: unknown;
    try {
      openDatabase(file, { key: randomBytes(32) });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseKeyError);
    expect((error as DatabaseKeyError).problem).toBe('wrong-key');
    expect((error as Error).message).toMatch(/^数据库密钥不正确.* \/ the database key is wrong/);
    expect(() => openDatabase(file)).toThrow(/not a database/);
    expect(sha(file)).toBe(before);
    expect(readdirSync(path.dirname(file))).toEqual(['hall.db']);
  });

  it('is not opened with a key while still plain: it is encrypted first', () => {
    const plain = plainWithWal(1);
    plain.close();
    expect(() => openDatabase(plain.file, { key: randomBytes(32) })).toThrow(/not encrypted yet/);
  });

  it('is refused to an exclusive opener while another connection has it', () => {
    const key = randomBytes(32);
    const file = encryptedWithRow(key);
    const host = openDatabase(file, { key });
    expect(() => openDatabase(file, { key, exclusive: true })).toThrow(DatabaseInUseError);
    host.close();
    const alone = openDatabase(file, { key, exclusive: true });
    expect(alone.prepare('SELECT count(*) FROM people').pluck().get()).toBe(1);
    alone.close();
  });
});

describe('encryptPlaintextDatabase', () => {
  it('encrypts every row, the WAL included, keeps a 0600 plain backup, and leaves the file in WAL mode', async () => {
    const plain = plainWithWal(2000);
    plain.close();
    expect(readFileSync(plain.file).includes(ID_NUMBER)).toBe(false);
    expect(readFileSync(`${plain.file}-wal`).includes(ID_NUMBER)).toBe(true);
    const key = randomBytes(32);

    const done = await encryptPlaintextDatabase(plain.file, key, AT);
    expect(done).toMatchObject({ backupFile: `${plain.file}.plain-backup-20260302T010203Z`, tables: 1, rows: 2000 });
    expect(readdirSync(path.dirname(plain.file)).filter((f) => f.startsWith('hall.db')).sort()).toEqual(['hall.db', 'hall.db.plain-backup-20260302T010203Z']);
    if (process.platform !== 'win32') expect(statSync(done.backupFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(plain.file).includes(ID_NUMBER)).toBe(false);

    const db = openDatabase(plain.file, { key });
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(2000);
    expect(db.prepare('SELECT id FROM people WHERE id_number = ?').pluck().get(ID_NUMBER)).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const backup = new Database(done.backupFile, { readonly: true });
    expect(backup.prepare('SELECT count(*) FROM people').pluck().get()).toBe(2000);
    backup.close();
  });

  it('leaves the plain database untouched while another program has it open', async () => {
    const plain = plainWithWal(10);
    plain.close();
    const other = new Database(plain.file);
    other.prepare('SELECT count(*) FROM people').get();
    const before = sha(plain.file);
    await expect(encryptPlaintextDatabase(plain.file, randomBytes(32), AT)).rejects.toThrow(DatabaseInUseError);
    expect(sha(plain.file)).toBe(before);
    other.close();
    expect(readFileSync(plain.file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  });

  it('starts over from the plain file when an earlier start died before its rename', async () => {
    const plain = plainWithWal(5);
    plain.close();
    // What a start killed mid-way leaves: a half-made copy beside an untouched original.
    writeFileSync(`${plain.file}.encrypting`, Buffer.alloc(8192, 9));
    const key = randomBytes(32);
    await encryptPlaintextDatabase(plain.file, key, AT);
    expect(existsSync(`${plain.file}.encrypting`)).toBe(false);
    const db = openDatabase(plain.file, { key, readonly: true });
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(5);
    db.close();
  });
});

describe('backupDatabase', () => {
  it('copies the open encrypted database into a 0600 file encrypted with the same key', async () => {
    const key = randomBytes(32);
    const file = encryptedWithRow(key);
    const db = openDatabase(file, { key });
    db.prepare('INSERT INTO people (id_number) VALUES (?)').run('only-in-the-wal');
    // The page-by-page backup API cannot do this with the cipher; the reason backupDatabase exists.
    await expect(db.backup(path.join(path.dirname(file), 'api-copy.db'))).rejects.toThrow(/incompatible/);
    const copy = path.join(path.dirname(file), 'copy.db');
    backupDatabase(db, copy);
    db.close();
    if (process.platform !== 'win32') expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(readFileSync(copy).includes(ID_NUMBER)).toBe(false);
    expect(() => openDatabase(copy, { key: randomBytes(32), readonly: true })).toThrow(DatabaseKeyError);
    const restored = openDatabase(copy, { key, readonly: true });
    expect(restored.prepare('SELECT id_number FROM people ORDER BY id').pluck().all()).toEqual([ID_NUMBER, 'only-in-the-wal']);
    restored.close();
  });
});
