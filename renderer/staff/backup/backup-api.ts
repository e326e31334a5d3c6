// Typed calls of /backup* (electron/contract/backup.ts) on top of the staff ApiClient.
import type { ApiClient } from '../../shared/api-client';
import { BackupRunResult, BackupStatus, RestoreAccepted } from '../../../electron/contract/backup.js';

export function backupApi(api: ApiClient) {
  return {
    status: () => api.request('GET', '/backup', { schema: BackupStatus }),
    setFolder: (folder: string) => api.request('PUT', '/backup/folder', { body: { folder }, schema: BackupStatus }),
    run: () => api.request('POST', '/backup/run', { schema: BackupRunResult }),
    restore: (name: string) => api.request('POST', '/backup/restore', { body: { name }, schema: RestoreAccepted }),
  };
}
