// The admin's backup routes: status and list, the folder, a backup now, a restore (the host puts
// the backup in place while it restarts: restart.ts in the command line host).
import path from 'node:path';
import { statSync } from 'node:fs';
import { BackupRunResult, BackupStatus, RestoreAccepted, RestoreBackupRequest, SetBackupFolderRequest } from '../../contract/backup.js';
import type { HallContext } from '../context.js';
import { domainRule, validationError } from '../http/errors.js';
import { BackupProblem } from './backup-file.js';
import type { BackupKeeper } from './backup-keeper.js';
import { checkBackupForRestore, currentHallOf } from './restore.js';

/** Asks the host to stop, put the backup in place and start again; absent where it cannot (tests in-process). */
export type RestoreRequester = ((file: string) => void) | null;

const admin = ['admin'] as const;

export function registerBackupRoutes(hall: HallContext, keeper: BackupKeeper, key: Buffer, requestRestore: RestoreRequester): void {
  hall.route({
    method: 'GET', url: '/backup', tag: 'backup', summary: 'Backups: folder, last good one, warning, list, last restore', allow: admin,
    response: BackupStatus, handler: () => keeper.status(),
  });

  hall.route({
    method: 'PUT', url: '/backup/folder', tag: 'backup', summary: 'Where the daily backups go (a USB disk, a share)', allow: admin,
    body: SetBackupFolderRequest, response: BackupStatus,
    handler: ({ body, actor }) => {
      if (!path.isAbsolute(body.folder)) throw validationError([{ field: 'folder', code: 'folder_not_absolute' }]);
      let isDir = false;
      try {
        isDir = statSync(body.folder).isDirectory();
      } catch {
        isDir = false;
      }
      if (!isDir) throw validationError([{ field: 'folder', code: 'folder_missing' }]);
      keeper.setFolder(path.normalize(body.folder), actor);
      return keeper.status();
    },
  });

  hall.route({
    method: 'POST', url: '/backup/run', tag: 'backup', summary: 'Take a backup now; written and checked before the answer', allow: admin,
    response: BackupRunResult,
    handler: async ({ actor }): Promise<BackupRunResult> => {
      const answer = await keeper.runNow(actor);
      if (!answer.ok) throw domainRule(answer.reason === 'target_missing' ? 'backup_folder_missing' : 'backup_failed', { reason: answer.message.slice(0, 200) });
      return { file: path.basename(answer.file), bytes: answer.bytes, auditChecked: answer.auditChecked };
    },
  });

  hall.route({
    method: 'POST', url: '/backup/restore', tag: 'backup', summary: 'Restore a backup from the backup folder; the host restarts on it', allow: admin,
    status: 202, body: RestoreBackupRequest, response: RestoreAccepted,
    handler: async ({ body }): Promise<RestoreAccepted> => {
      if (!requestRestore) throw domainRule('restore_needs_host');
      const file = path.join(keeper.folder(), body.name);
      let takenAt: string | null;
      try {
        takenAt = checkBackupForRestore(file, key, currentHallOf(hall.db)).meta?.takenAt ?? null;
      } catch (err) {
        if (err instanceof BackupProblem) throw domainRule(`restore_${err.reason}`);
        throw err;
      }
      // After this answer is on its way: the host stops, restores (checking again) and starts.
      setImmediate(() => requestRestore(file));
      return { restarting: true, backupTakenAt: takenAt };
    },
  });
}
