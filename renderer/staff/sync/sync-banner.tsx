// The red line on every staff screen when the county upload is paused or has failed for longer than
// the alert setting. Admin and supervisor get the details and a link to act; the other roles get the
// plain fact (from the small /sync/alert answer), so nobody works on unaware of it.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api-client';
import { useT } from '../../shared/use-t';
import { syncApi } from './sync-api';
import type { SyncAlert } from './sync-contract';
import { useStaff } from '../staff-context';
import { ageText, syncErrorText } from './sync-format';
import { POLL_MS, SYNC_ROLES, useSyncStatus } from './sync-store';
import './sync.css';

export { handleSyncEvent } from './sync-store';

/** The alert alone, polled for the roles that may not read the full status. */
function useSyncAlert(api: ApiClient, enabled: boolean): SyncAlert | null {
  const [alert, setAlert] = useState<SyncAlert | null>(null);
  useEffect(() => {
    if (!enabled) return undefined;
    const load = () => void syncApi(api).alert().then(setAlert, () => undefined);
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [api, enabled]);
  return alert;
}

export function SyncBanner() {
  const { t } = useT();
  const { api, session } = useStaff();
  const operator = SYNC_ROLES.includes(session.user.role);
  const status = useSyncStatus(api, session.user.role);
  const plain = useSyncAlert(api, !operator);
  if (!operator) {
    if (!plain?.alert) return null;
    return (
      <div className="sync-banner" role="alert" data-testid="sync-banner">
        <strong>{plain.paused ? t('sync.banner.paused') : t('sync.banner.failing', { duration: ageText(t, plain.failingSince, new Date()) })}</strong>
        <span>{t('sync.banner.tellAdmin')}</span>
      </div>
    );
  }
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
