// Which SQLite addon the hall service loads under Electron. Electron has its own Node ABI, so the
// addon built by `npm ci` (node_modules, Node's ABI) would not load; scripts/build-native-sqlite.mjs
// builds one per platform and arch into native/electron-<platform>-<arch>/, and electron-builder
// copies that folder to resources/native/. The hall takes it through HALL_SQLITE_BINDING (db/connection.ts).
// Pure: no 'electron' import, so the path rules are tested directly.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SQLITE_BINDING_ENV = 'HALL_SQLITE_BINDING';
export const SQLITE_BINARY = 'better_sqlite3.node';

export function electronNativeFolder(platform: NodeJS.Platform, arch: string): string {
  return path.join('native', `electron-${platform}-${arch}`);
}

export function nodeNativeFolder(abi: string, platform: NodeJS.Platform, arch: string): string {
  return path.join('native', `node-v${abi}-${platform}-${arch}`);
}

export interface BindingPlace {
  packaged: boolean;
  /** The project folder in development (app.getAppPath()). */
  appRoot: string;
  /** process.resourcesPath of the packaged app. */
  resourcesPath: string;
  platform: NodeJS.Platform;
  arch: string;
}

/** Where the addon must be: resources/native/ when packaged, native/electron-<platform>-<arch>/ in the checkout. */
export function sqliteBindingPath(place: BindingPlace): string {
  return place.packaged
    ? path.join(place.resourcesPath, 'native', SQLITE_BINARY)
    : path.join(place.appRoot, electronNativeFolder(place.platform, place.arch), SQLITE_BINARY);
}

export type BindingCheck = { ok: true; file: string } | { ok: false; file: string; problem: 'missing' | 'other-electron'; builtFor?: string };

/**
 * The addon is there and, in the checkout, built for this very Electron (its target.json says so):
 * one built for an older Electron would crash the hall at its first query instead of failing clearly.
 */
export function checkSqliteBinding(place: BindingPlace, electronVersion: string): BindingCheck {
  const file = sqliteBindingPath(place);
  if (!existsSync(file)) return { ok: false, file, problem: 'missing' };
  if (place.packaged) return { ok: true, file };
  try {
    const stamp = JSON.parse(readFileSync(path.join(path.dirname(file), 'target.json'), 'utf8')) as { version?: unknown };
    if (stamp.version !== electronVersion) return { ok: false, file, problem: 'other-electron', builtFor: String(stamp.version) };
  } catch {
    return { ok: false, file, problem: 'other-electron', builtFor: 'unknown' };
  }
  return { ok: true, file };
}

/** The hall process's environment with the addon's path added. */
export function withSqliteBinding(env: NodeJS.ProcessEnv, file: string): NodeJS.ProcessEnv {
  return { ...env, [SQLITE_BINDING_ENV]: file };
}
