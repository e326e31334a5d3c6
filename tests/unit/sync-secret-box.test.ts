// The county key at rest: sealed with a key file of the data folder, never stored or returned plain.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { systemClock } from '../../electron/hall/clock.js';
import { SYSTEM_ACTOR } from '../../electron/hall/http/principal.js';
import { KEY_FILE, openSecret, sealSecret } from '../../electron/hall/sync/secret-box.js';
import { countyConnection, saveSyncSettings, syncSettingsView } from '../../electron/hall/sync/sync-settings.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hall-secret-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const SECRET = 'county-secret-Zx9!县';

describe('secret box', () => {
  it('round-trips, with a fresh nonce each time', () => {
    const dir = tempDir();
    const a = sealSecret(dir, SECRET);
    const b = sealSecret(dir, SECRET);
    expect(a).not.toBe(b);
    expect(openSecret(dir, a)).toBe(SECRET);
    expect(openSecret(dir, b)).toBe(SECRET);
  });

  it('keeps the key file private to the service user', () => {
    const dir = tempDir();
    sealSecret(dir, SECRET);
    if (process.platform !== 'win32') expect(statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('cannot be opened with another data folder’s key file, nor after tampering', () => {
    const sealed = sealSecret(tempDir(), SECRET);
    const other = tempDir();
    sealSecret(other, 'x');
    expect(() => openSecret(other, sealed)).toThrow();
    const dir = tempDir();
    const good = sealSecret(dir, SECRET);
    const raw = Buffer.from(good.split('.')[1]!, 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => openSecret(dir, `v1.${raw.toString('base64')}`)).toThrow();
    writeFileSync(path.join(dir, KEY_FILE), Buffer.alloc(32));
    expect(() => openSecret(dir, good)).toThrow();
  });

  it('leaves no trace of the key in the database file or the settings view', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'hall.db'));
    migrate(db);
    const view = saveSyncSettings(db, systemClock, SYSTEM_ACTOR, dir, { countyUrl: 'https://county.example/', countyKey: SECRET, hallCode: '320703104', intervalSeconds: 300, alertAfterMinutes: 60 });
    expect(view).toEqual({ countyUrl: 'https://county.example/', countyKeySet: true, hallCode: '320703104', intervalSeconds: 300, alertAfterMinutes: 60 });
    const found = countyConnection(db, dir);
    expect(found.ok && found.connection.key).toBe(SECRET);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path.join(dir, 'hall.db'));
    expect(bytes.includes(Buffer.from(SECRET, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('county.example'))).toBe(true); // the scan itself finds stored text
    expect(readFileSync(path.join(dir, KEY_FILE)).includes(Buffer.from(SECRET, 'utf8'))).toBe(false);
  });

  it('reports a key that cannot be opened instead of sending without it', () => {
    const dir = tempDir();
    const db = openDatabase(':memory:');
    migrate(db);
    saveSyncSettings(db, systemClock, SYSTEM_ACTOR, dir, { countyUrl: 'https://county.example/', countyKey: SECRET, hallCode: '320703104', intervalSeconds: 300, alertAfterMinutes: 60 });
    rmSync(path.join(dir, KEY_FILE));
    expect(countyConnection(db, dir)).toEqual({ ok: false, reason: 'key_unreadable' });
    expect(syncSettingsView(db).countyKeySet).toBe(true);
  });
});
