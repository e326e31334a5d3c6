// What the hall remembers about its backups (settings rows), and when to warn the admin.
import { z } from 'zod';
import type { Db } from '../../../db/connection.js';
import { getJsonSetting } from '../settings/service.js';

export const BACKUP_FOLDER_KEY = 'backup.folder';
export const BACKUP_STATE_KEY = 'backup.state';
/** No good backup for this long: every admin screen warns. */
export const STALE_AFTER_MS = 2 * 24 * 3600_000;
/** The automatic backup runs when the last good one is older than this. */
export const DAILY_MS = 24 * 3600_000;

export const BackupState = z.object({
  lastGood: z.object({ file: z.string(), at: z.string(), bytes: z.number() }).nullable(),
  lastFailure: z.object({ at: z.string(), reason: z.string(), message: z.string() }).nullable(),
});
export type BackupState = z.infer<typeof BackupState>;

export function readBackupState(db: Db): BackupState {
  return getJsonSetting(db, BACKUP_STATE_KEY, BackupState, { lastGood: null, lastFailure: null });
}

export type BackupWarning = 'none' | 'folder_missing' | 'stale' | 'failing';

/** `since`: when this host started watching (a fresh hall is not warned before its first day is out). */
export function backupWarning(state: BackupState, folderExists: boolean, nowMs: number, sinceMs: number): BackupWarning {
  if (!folderExists) return 'folder_missing';
  const lastGoodMs = state.lastGood ? Date.parse(state.lastGood.at) : null;
  if (lastGoodMs !== null && nowMs - lastGoodMs <= STALE_AFTER_MS) return 'none';
  if (lastGoodMs !== null) return 'stale';
  // Never one: a warning once a try has failed, or once two days have gone by without any.
  return state.lastFailure || nowMs - sinceMs > STALE_AFTER_MS ? 'failing' : 'none';
}
