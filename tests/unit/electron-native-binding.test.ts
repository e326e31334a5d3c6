// Which SQLite addon the desktop app hands the hall (native-binding.ts), the folders the build
// script writes (scripts/build-native-sqlite.mjs), and that the addon is passed only when named.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeBindingOption, openDatabase } from '../../db/connection.js';
import {
  checkSqliteBinding,
  electronNativeFolder,
  nodeNativeFolder,
  SQLITE_BINDING_ENV,
  sqliteBindingPath,
  withSqliteBinding,
} from '../../electron/main/native-binding.js';
// @ts-expect-error a plain .mjs build script, no type declarations
import * as buildScript from '../../scripts/build-native-sqlite.mjs';

const script = buildScript as { electronFolder(p: string, a: string): string; nodeFolder(abi: string, p: string, a: string): string; BINARY: string };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const checkout = (root: string) => ({ packaged: false, appRoot: root, resourcesPath: '/unused', platform: 'linux' as const, arch: 'x64' });

describe('addon folders', () => {
  it('are named the same by the build script and the app, per runtime, platform and arch', () => {
    for (const arch of ['x64', 'arm64']) {
      expect(script.electronFolder('win32', arch)).toBe(electronNativeFolder('win32', arch));
      expect(script.nodeFolder('137', 'linux', arch)).toBe(nodeNativeFolder('137', 'linux', arch));
    }
    expect(electronNativeFolder('linux', 'arm64')).toBe(path.join('native', 'electron-linux-arm64'));
    expect(script.BINARY).toBe('better_sqlite3.node');
  });

  it('in the checkout: native/electron-<platform>-<arch>; packaged: resources/native', () => {
    expect(sqliteBindingPath(checkout('/src/hall'))).toBe(path.join('/src/hall', 'native', 'electron-linux-x64', 'better_sqlite3.node'));
    expect(sqliteBindingPath({ ...checkout('/x'), arch: 'arm64' })).toBe(path.join('/x', 'native', 'electron-linux-arm64', 'better_sqlite3.node'));
    expect(sqliteBindingPath({ packaged: true, appRoot: '/opt/hall/resources/app.asar', resourcesPath: '/opt/hall/resources', platform: 'linux', arch: 'x64' })).toBe(
      path.join('/opt/hall/resources', 'native', 'better_sqlite3.node'),
    );
  });
});

describe('checkSqliteBinding', () => {
  function project(stamp: unknown): string {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hall-native-'));
    dirs.push(root);
    const folder = path.join(root, electronNativeFolder('linux', 'x64'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'better_sqlite3.node'), 'x');
    if (stamp !== undefined) writeFileSync(path.join(folder, 'target.json'), JSON.stringify(stamp));
    return root;
  }

  it('accepts an addon built for this very Electron', () => {
    const root = project({ runtime: 'electron', version: '45.5.0', abi: '140' });
    expect(checkSqliteBinding(checkout(root), '45.5.0')).toEqual({ ok: true, file: sqliteBindingPath(checkout(root)) });
  });

  it('names a missing addon, and one built for another Electron, instead of letting the hall crash', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'hall-native-'));
    dirs.push(empty);
    expect(checkSqliteBinding(checkout(empty), '45.5.0')).toMatchObject({ ok: false, problem: 'missing' });
    const old = project({ runtime: 'electron', version: '40.1.0', abi: '143' });
    expect(checkSqliteBinding(checkout(old), '45.5.0')).toMatchObject({ ok: false, problem: 'other-electron', builtFor: '40.1.0' });
    expect(checkSqliteBinding(checkout(project(undefined)), '45.5.0')).toMatchObject({ ok: false, problem: 'other-electron' });
  });
});

describe('the hall side (db/connection.ts)', () => {
  it('passes nativeBinding only when HALL_SQLITE_BINDING names one', () => {
    expect(nativeBindingOption({})).toEqual({});
    expect(nativeBindingOption({ [SQLITE_BINDING_ENV]: '' })).toEqual({});
    expect(nativeBindingOption(withSqliteBinding({}, '/r/native/better_sqlite3.node'))).toEqual({ nativeBinding: '/r/native/better_sqlite3.node' });
  });

  it("leaves Node's own build in node_modules in use when nothing is named (npm test, npm run serve)", () => {
    const saved = process.env[SQLITE_BINDING_ENV];
    delete process.env[SQLITE_BINDING_ENV];
    try {
      const db = openDatabase(':memory:');
      expect(db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
      db.close();
    } finally {
      if (saved !== undefined) process.env[SQLITE_BINDING_ENV] = saved;
    }
  });

  it('loads the named addon, and fails clearly when it is not there', () => {
    const saved = process.env[SQLITE_BINDING_ENV];
    process.env[SQLITE_BINDING_ENV] = path.join(os.tmpdir(), 'no-such-folder', 'better_sqlite3.node');
    try {
      expect(() => openDatabase(':memory:')).toThrow(/no-such-folder/);
    } finally {
      if (saved === undefined) delete process.env[SQLITE_BINDING_ENV];
      else process.env[SQLITE_BINDING_ENV] = saved;
    }
  });
});

describe('the addon is for the CPU it is packed for (scripts/native-arch.cjs)', () => {
  const { binaryArch, beforePack } = createRequire(import.meta.url)('../../scripts/native-arch.cjs') as {
    binaryArch(bytes: Buffer): string | null;
    beforePack(context: unknown): Promise<void>;
  };

  function elf(machine: number): Buffer {
    const bytes = Buffer.alloc(64);
    bytes.writeUInt32BE(0x7f454c46, 0);
    bytes[5] = 1; // little-endian
    bytes.writeUInt16LE(machine, 18);
    return bytes;
  }
  function pe(machine: number): Buffer {
    const bytes = Buffer.alloc(256);
    bytes.writeUInt16LE(0x5a4d, 0);
    bytes.writeUInt32LE(128, 60);
    bytes.writeUInt32LE(0x4550, 128);
    bytes.writeUInt16LE(machine, 132);
    return bytes;
  }

  it("reads the CPU from ELF and PE headers, and Node's own build here is this machine's", () => {
    expect(binaryArch(elf(0x3e))).toBe('x64');
    expect(binaryArch(elf(0xb7))).toBe('arm64');
    expect(binaryArch(pe(0x8664))).toBe('x64');
    expect(binaryArch(pe(0xaa64))).toBe('arm64');
    expect(binaryArch(Buffer.from('not a binary at all, just text'))).toBeNull();
    const own = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
    expect(binaryArch(readFileSync(own))).toBe(process.arch);
  });

  it('stops packing an arch whose addon is missing or built for another CPU', async () => {
    const projectDir = mkdtempSync(path.join(os.tmpdir(), 'hall-pack-'));
    dirs.push(projectDir);
    const context = (arch: number) => ({ electronPlatformName: 'linux', arch, packager: { info: { projectDir } } });
    await expect(beforePack(context(3))).rejects.toThrow(/electron-linux-arm64.*is missing/);
    mkdirSync(path.join(projectDir, 'native', 'electron-linux-arm64'), { recursive: true });
    writeFileSync(path.join(projectDir, 'native', 'electron-linux-arm64', 'better_sqlite3.node'), elf(0x3e));
    await expect(beforePack(context(3))).rejects.toThrow('is built for x64, not arm64');
    writeFileSync(path.join(projectDir, 'native', 'electron-linux-arm64', 'better_sqlite3.node'), elf(0xb7));
    await expect(beforePack(context(3))).resolves.toBeUndefined();
  });
});
