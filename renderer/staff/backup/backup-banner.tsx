// The warning on every admin screen when no backup has succeeded for two days, or the backup folder
// (a USB disk, a share) is missing.
import { useEffect, useState } from 'react';
import type { BackupWarning } from '../../../electron/contract/backup.js';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { backupApi } from './backup-api';

const POLL_MS = 5 * 60_000;

export function BackupBanner() {
  const { t } = useT();
  const { api, session } = useStaff();
  const admin = session.user.role === 'admin';
  const [warning, setWarning] = useState<BackupWarning>('none');
  useEffect(() => {
    if (!admin) return undefined;
    const load = () => void backupApi(api).status().then((s) => setWarning(s.warning), () => undefined);
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [api, admin]);
  if (!admin || warning === 'none') return null;
  return (
    <div className="sync-banner" role="alert" data-testid="backup-banner">
      <strong>{t(`backup.warning.${warning}`)}</strong>
      <a href="#/admin/backup">{t('backup.open')}</a>
    </div>
  );
}
