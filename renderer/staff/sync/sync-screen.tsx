// 数据上报: the county upload for admin and supervisor — counts, oldest waiting, last success, the
// rejected records with the county's reasons and "send again", "sync now", decisions, settings.
import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { RejectedList } from './rejected-list';
import { syncApi } from './sync-api';
import { SyncOverview } from './sync-overview';
import { SyncSettingsForm } from './sync-settings-form';
import { refreshSync, useSyncStatus } from './sync-store';
import './sync.css';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function SyncScreen() {
  const { t } = useT();
  const { api, session } = useStaff();
  const role = session.user.role;
  const sync = useMemo(() => syncApi(api), [api]);
  const status = useSyncStatus(api, role);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const act = useCallback(
    async (id: string, work: () => Promise<string | null>) => {
      setBusy(id);
      setFailure(null);
      setMessage(null);
      try {
        setMessage(await work());
      } catch (error) {
        setFailure(errorMessage(t, error));
      } finally {
        setBusy(null);
      }
    },
    [t],
  );

  // "Sync now" answers at once; the screen follows the cycle until it ends (a few seconds at most).
  const runNow = () =>
    act('run', async () => {
      const { started } = await sync.run();
      for (let i = 0; i < 60; i++) {
        await sleep(500);
        if (!(await refreshSync(api)).running) break;
      }
      return started ? t('sync.runDone') : t('sync.runBusy');
    });
  const resend = (recordId: string) =>
    act(recordId, async () => {
      await sync.resend(recordId);
      await refreshSync(api);
      return t('sync.resent');
    });

  return (
    <section data-testid="sync-screen">
      <div className="screen-title">
        <h1>{t('nav.sync')}</h1>
        <button type="button" onClick={() => void runNow()} disabled={busy !== null || !status?.configured}>
          {busy === 'run' || status?.running ? t('sync.running') : t('sync.runNow')}
        </button>
      </div>
      {message ? <p className="notice-box" role="status">{message}</p> : null}
      {failure ? <div className="error-box" role="alert"><p>{failure}</p></div> : null}
      {status ? (
        <>
          <SyncOverview status={status} now={new Date()} />
          <RejectedList rows={status.rejected} total={status.counts.rejected} canResend={role === 'admin'} busyId={busy} onResend={(id) => void resend(id)} />
        </>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      {role === 'admin' ? <SyncSettingsForm sync={sync} onSaved={() => void refreshSync(api).catch(() => undefined)} /> : null}
    </section>
  );
}

export default SyncScreen;
