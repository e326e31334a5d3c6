// One backup file: written with VACUUM INTO (db/backup.ts: an online, transactionally consistent
// copy made by SQLite, encrypted with the hall's key), stamped with what it holds, synced, renamed
// into place, then opened read-only with the key and checked (integrity_check, audit chain).
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { backupDatabase } from '../../../db/backup.js';
import { applyDatabaseKey, type Db } from '../../../db/connection.js';
import { schemaVersion } from '../../../db/migrate.js';
import { get, sql } from '../../../db/sql.js';
import { verifyAudit, type VerifyResult } from '../audit/chain.js';
import { readHallIdentity } from './hall-identity.js';

export const BACKUP_META_KEY = 'backup.meta';
const NAME = /^hall-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/;

export interface BackupMeta {
  takenAt: string;
  hallIdentity: string | null;
  hallCode: string;
  schemaVersion: number;
  /** The audit chain's last entry in the backup: what a restore goes back to. */
  auditLastId: number;
  auditLastAt: string | null;
}

export interface BackupCheck {
  integrity: string;
  chain: VerifyResult;
  schemaVersion: number;
  meta: BackupMeta | null;
  hallIdentity: string | null;
  hallCode: string | null;
}

/** Why a file is not a usable backup of this hall; `reason` is also the i18n key's last part. */
export class BackupProblem extends Error {
  constructor(
    readonly reason: 'not_found' | 'unreadable' | 'damaged' | 'newer_schema' | 'other_hall' | 'target_missing',
    message: string,
  ) {
    super(message);
    this.name = 'BackupProblem';
  }
}

export function backupFileName(takenAt: Date): string {
  const s = takenAt.toISOString();
  return `hall-backup-${s.slice(0, 10).replaceAll('-', '')}-${s.slice(11, 19).replaceAll(':', '')}.db`;
}

/** The time in a backup's name, or null for a file that is not one of ours. */
export function takenAtOfName(name: string): Date | null {
  const m = NAME.exec(name);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : null;
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems (a Windows share) cannot sync a folder; the file itself was synced.
  }
}

function readMeta(db: Db): BackupMeta | null {
  const row = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${BACKUP_META_KEY}`);
  return row ? (JSON.parse(row.value) as BackupMeta) : null;
}

/** Opens a backup read-only with the key and checks it; throws BackupProblem when it is not usable. */
export function inspectBackup(file: string, key: Buffer): BackupCheck {
  let exists = false;
  try {
    exists = statSync(file).isFile();
  } catch {
    exists = false;
  }
  if (!exists) throw new BackupProblem('not_found', `${file} does not exist`);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupProblem('unreadable', `${file}: ${(err as Error).message}`);
  }
  try {
    try {
      applyDatabaseKey(db, key);
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (err) {
      throw new BackupProblem('unreadable', `${file} cannot be opened with this hall's key (damaged, or another hall's): ${(err as Error).message}`);
    }
    let integrity: string;
    let chain: VerifyResult;
    try {
      integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
      chain = verifyAudit(db);
    } catch (err) {
      throw new BackupProblem('damaged', `${file} is damaged: ${(err as Error).message}`);
    }
    if (integrity !== 'ok') throw new BackupProblem('damaged', `${file} fails integrity_check: ${integrity.slice(0, 200)}`);
    if (!chain.ok) throw new BackupProblem('damaged', `${file}: the audit chain breaks at entry ${chain.firstBadId}`);
    const code = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = 'hall.code'`);
    return {
      integrity,
      chain,
      schemaVersion: schemaVersion(db),
      meta: readMeta(db),
      hallIdentity: readHallIdentity(db),
      hallCode: code ? (JSON.parse(code.value) as string) : null,
    };
  } finally {
    db.close();
  }
}

/** Writes, stamps, syncs and checks one backup into `folder`; returns its path and check. */
export function writeBackup(db: Db, key: Buffer, folder: string, now: Date): { file: string; bytes: number; check: BackupCheck } {
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new BackupProblem('target_missing', `the backup folder ${folder} is missing (is the USB disk or share connected?)`);
  const file = path.join(folder, backupFileName(now));
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  backupDatabase(db, partial);
  try {
    const copy = new Database(partial);
    try {
      applyDatabaseKey(copy, key);
      // A single file: a backup on a USB disk carries no -wal beside it.
      copy.pragma('journal_mode = DELETE');
      copy.pragma('synchronous = FULL');
      // Read from the copy itself: exactly what it holds, whatever was written since.
      const last = get<{ id: number; at: string }>(copy, sql`SELECT id, at FROM audit_log ORDER BY id DESC LIMIT 1`);
      const code = get<{ value: string }>(copy, sql`SELECT value FROM settings WHERE key = 'hall.code'`);
      const meta: BackupMeta = {
        takenAt: now.toISOString(),
        hallIdentity: readHallIdentity(copy),
        hallCode: code ? (JSON.parse(code.value) as string) : '000000000',
        schemaVersion: schemaVersion(copy),
        auditLastId: last?.id ?? 0,
        auditLastAt: last?.at ?? null,
      };
      copy
        .prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
        .run(BACKUP_META_KEY, JSON.stringify(meta), meta.takenAt);
    } finally {
      copy.close();
    }
    syncFile(partial);
    renameSync(partial, file);
    syncFolder(folder);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  try {
    return { file, bytes: statSync(file).size, check: inspectBackup(file, key) };
  } catch (err) {
    // Never listed as a backup: kept under another name for whoever looks into why.
    renameSync(file, `${file}.failed-check`);
    throw err;
  }
}
