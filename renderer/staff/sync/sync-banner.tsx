// The red line on every operator screen when the county upload is paused or has failed for longer
// than the alert setting. Shown to admin and supervisor (the roles that can act on it).
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { ageText, syncErrorText } from './sync-format';
import { useSyncStatus } from './sync-store';
import './sync.css';

export { handleSyncEvent } from './sync-store';

export function SyncBanner() {
  const { t } = useT();
  const { api, session } = useStaff();
  const status = useSyncStatus(api, session.user.role);
  if (!status?.alert) return null;
  return (
    <div className="sync-banner" role="alert" data-testid="sync-banner">
      <strong>{status.paused ? t('sync.banner.paused') : t('sync.banner.failing', { duration: ageText(t, status.failingSince, new Date()) })}</strong>
      <span>{syncErrorText(t, status.lastError)}</span>
      <span>{t('sync.banner.waiting', { count: status.counts.pending + status.counts.sending })}</span>
      <a href="#/admin/sync">{t('sync.banner.open')}</a>
    </div>
  );
}
