// The database recovery key (db-key-store.ts): exported from the sealed key, shown once to print;
// imported on a new PC before its first start, it opens the moved database. Fake safeStorage.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exportRecoveryKey,
  formatRecoveryKey,
  HALL_KEY_FILE,
  importRecoveryKey,
  loadDatabaseKey,
  parseRecoveryKey,
  type SafeStorageLike,
} from '../../electron/main/db-key-store.js';
import { probeHost } from '../../electron/main/host-probe.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function pc(): { userDataDir: string; hallDataDir: string } {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'hall-recovery-'));
  dirs.push(userDataDir);
  const hallDataDir = path.join(userDataDir, 'hall-data');
  mkdirSync(hallDataDir);
  return { userDataDir, hallDataDir };
}

/** A different XOR byte per PC: a sealed key does not open on another machine, as with a real keychain. */
function keychain(machine: number, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (text) => Buffer.from(Buffer.from(text).map((b) => b ^ machine)),
    decryptString: (sealed) => Buffer.from(sealed.map((b) => b ^ machine)).toString(),
  };
}

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

describe('recovery key format', () => {
  it('prints 64 hex digits in eight groups and reads them back in any spelling', () => {
    const printed = formatRecoveryKey(KEY);
    expect(printed).toBe('00112233-44556677-8899AABB-CCDDEEFF-00112233-44556677-8899AABB-CCDDEEFF');
    expect(parseRecoveryKey(printed)).toBe(KEY);
    expect(parseRecoveryKey(printed.toLowerCase().replaceAll('-', ' '))).toBe(KEY);
    expect(parseRecoveryKey(` ${KEY}\n`)).toBe(KEY);
  });

  it('refuses a key with a digit missing or a wrong character', () => {
    expect(parseRecoveryKey(formatRecoveryKey(KEY).slice(1))).toBeNull();
    expect(parseRecoveryKey(formatRecoveryKey(KEY).replace('A', 'G'))).toBeNull();
    expect(parseRecoveryKey('')).toBeNull();
  });
});

describe('moving a hall to a new PC', () => {
  it('the key exported on the old PC, imported on the new one, is the key the hall gets there', () => {
    const oldPc = pc();
    const created = loadDatabaseKey({ safeStorage: keychain(0x11), ...oldPc, random: () => Buffer.from(KEY, 'hex') });
    expect(created).toEqual({ keyHex: KEY, source: 'created' });
    const printed = exportRecoveryKey({ safeStorage: keychain(0x11), userDataDir: oldPc.userDataDir });
    expect(printed).toBe(formatRecoveryKey(KEY));

    const newPc = pc();
    // The moved database is encrypted: without the key the new PC must not mint another.
    writeFileSync(path.join(newPc.hallDataDir, 'hall.db'), Buffer.alloc(4096, 7));
    expect(loadDatabaseKey({ safeStorage: keychain(0x22), ...newPc })).toEqual({ keyHex: null, reason: 'encrypted-without-key' });
    expect(importRecoveryKey({ safeStorage: keychain(0x22), ...newPc }, printed!)).toBe('sealed');
    expect(loadDatabaseKey({ safeStorage: keychain(0x22), ...newPc })).toEqual({ keyHex: KEY, source: 'sealed' });
  });

  it('never seals over a key the PC already has, nor without a keychain, nor a mistyped key', () => {
    const here = pc();
    loadDatabaseKey({ safeStorage: keychain(0x11), ...here, random: () => Buffer.from(KEY, 'hex') });
    expect(importRecoveryKey({ safeStorage: keychain(0x11), ...here }, 'ff'.repeat(32))).toBe('key-exists');
    expect(loadDatabaseKey({ safeStorage: keychain(0x11), ...here }).keyHex).toBe(KEY);

    const withKeyFile = pc();
    writeFileSync(path.join(withKeyFile.hallDataDir, HALL_KEY_FILE), KEY);
    expect(importRecoveryKey({ safeStorage: keychain(0x11), ...withKeyFile }, KEY)).toBe('key-exists');

    const bare = pc();
    expect(importRecoveryKey({ safeStorage: keychain(0x11, false), ...bare }, KEY)).toBe('no-keychain');
    expect(importRecoveryKey({ safeStorage: keychain(0x11), ...bare }, 'not a key')).toBe('invalid');
    expect(exportRecoveryKey({ safeStorage: keychain(0x11), userDataDir: bare.userDataDir })).toBeNull();
  });
});

describe('testing a typed host before it is saved', () => {
  const answer = (status: number, body: unknown) => async () => ({ ok: status < 300, json: async () => body });

  it('finds a hall by its health answer', async () => {
    const calls: string[] = [];
    const fetchHealth = async (url: string) => {
      calls.push(url);
      return { ok: true, json: async () => ({ ok: true, version: '0.1.0', schemaVersion: 13, hallName: '城关镇便民服务中心' }) };
    };
    await expect(probeHost('http://192.168.1.20:8620/kiosk#pair=x', fetchHealth)).resolves.toEqual({ ok: true, version: '0.1.0', hallName: '城关镇便民服务中心' });
    expect(calls).toEqual(['http://192.168.1.20:8620/api/v1/health']);
  });

  it('tells a bad address, an unreachable one and something that is not a hall apart', async () => {
    await expect(probeHost('javascript:alert(1)', answer(200, {}))).resolves.toEqual({ ok: false, error: 'invalid_url' });
    await expect(probeHost('http://user:pw@10.0.0.1:8620', answer(200, {}))).resolves.toEqual({ ok: false, error: 'invalid_url' });
    await expect(
      probeHost('http://10.0.0.1:8620', async () => {
        throw new TypeError('fetch failed');
      }),
    ).resolves.toEqual({ ok: false, error: 'unreachable' });
    await expect(probeHost('http://10.0.0.1:8620', answer(404, {}))).resolves.toEqual({ ok: false, error: 'not_a_hall' });
    await expect(probeHost('http://10.0.0.1:8620', answer(200, { hello: 'router' }))).resolves.toEqual({ ok: false, error: 'not_a_hall' });
  });
});
