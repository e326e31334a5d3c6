// Backups and restore (issue 11): the admin's backup screen and the warning banner on admin screens.
import { z } from 'zod';

export const BACKUP_NAME_PATTERN = /^hall-backup-\d{8}-\d{6}\.db$/;

export const BackupWarning = z.enum(['none', 'folder_missing', 'stale', 'failing']);
export type BackupWarning = z.infer<typeof BackupWarning>;

const Snapshot = z.object({ auditLastId: z.number(), auditLastAt: z.string().nullable(), tickets: z.number(), cases: z.number() });

export const RestoreSummary = z.object({
  backupFile: z.string(),
  backupTakenAt: z.string().nullable(),
  restoredAt: z.string(),
  asideDir: z.string().nullable(),
  before: Snapshot.nullable(),
  after: Snapshot,
  lost: z.object({ auditEntries: z.number(), tickets: z.number(), cases: z.number() }).nullable(),
  outboxAlreadySent: z.number(),
});
export type RestoreSummary = z.infer<typeof RestoreSummary>;

export const BackupStatus = z.object({
  folder: z.string(),
  folderExists: z.boolean(),
  warning: BackupWarning,
  state: z.object({
    lastGood: z.object({ file: z.string(), at: z.string(), bytes: z.number() }).nullable(),
    lastFailure: z.object({ at: z.string(), reason: z.string(), message: z.string() }).nullable(),
  }),
  backups: z.array(z.object({ name: z.string(), takenAt: z.string(), bytes: z.number() })),
  lastRestore: RestoreSummary.nullable(),
  running: z.boolean(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

/** An absolute folder on this PC: a USB disk (E:\\备份, /media/usb/backup) or a mounted share. */
export const SetBackupFolderRequest = z.object({ folder: z.string().trim().min(1).max(500) }).strict();
export type SetBackupFolderRequest = z.infer<typeof SetBackupFolderRequest>;

export const BackupRunResult = z.object({ file: z.string(), bytes: z.number(), auditChecked: z.number() });
export type BackupRunResult = z.infer<typeof BackupRunResult>;

/** A backup in the backup folder, by name (never a path). */
export const RestoreBackupRequest = z.object({ name: z.string().regex(BACKUP_NAME_PATTERN) }).strict();
export type RestoreBackupRequest = z.infer<typeof RestoreBackupRequest>;

export const RestoreAccepted = z.object({ restarting: z.literal(true), backupTakenAt: z.string().nullable() });
export type RestoreAccepted = z.infer<typeof RestoreAccepted>;
