// The upload at a glance: records by state, the oldest waiting, last success, last error, decisions.
import { useT } from '../../shared/use-t';
import { formatDateTime } from '../../shared/format';
import type { SyncStatus } from './sync-contract';
import { ageText, syncErrorText } from './sync-format';

export function SyncOverview({ status, now }: { status: SyncStatus; now: Date }) {
  const { t, language } = useT();
  const { counts } = status;
  const tiles: Array<[string, number, boolean]> = [
    ['pending', counts.pending, false],
    ['sending', counts.sending, false],
    ['done', counts.done, false],
    ['rejected', counts.rejected, counts.rejected > 0],
  ];
  return (
    <section className="panel" aria-labelledby="sync-overview-title">
      <h2 id="sync-overview-title">{t('sync.overview')}</h2>
      <div className="sync-counts" data-testid="sync-counts">
        {tiles.map(([state, value, bad]) => (
          <div key={state} className={bad ? 'sync-count bad' : 'sync-count'}>
            <span className="value">{value}</span>
            {t(`sync.states.${state}`)}
          </div>
        ))}
      </div>
      <dl className="sync-facts">
        <dt>{t('sync.configured')}</dt>
        <dd>{status.configured ? t('sync.yes') : t('sync.notConfigured')}</dd>
        <dt>{t('sync.oldestPending')}</dt>
        <dd>{status.oldestPendingAt ? t('sync.ago', { duration: ageText(t, status.oldestPendingAt, now) }) : t('sync.none')}</dd>
        <dt>{t('sync.lastSuccess')}</dt>
        <dd>{formatDateTime(status.lastSuccessAt, language) || t('sync.never')}</dd>
        <dt>{t('sync.lastAttempt')}</dt>
        <dd>{formatDateTime(status.lastAttemptAt, language) || t('sync.never')}</dd>
        <dt>{t('sync.lastError')}</dt>
        <dd>{syncErrorText(t, status.lastError)}</dd>
        {status.paused ? (
          <>
            <dt>{t('sync.pausedLabel')}</dt>
            <dd>{t('sync.pausedText')}</dd>
          </>
        ) : null}
        {status.heldBehindRejected > 0 ? (
          <>
            <dt>{t('sync.held')}</dt>
            <dd>{t('sync.heldText', { count: status.heldBehindRejected })}</dd>
          </>
        ) : null}
        <dt>{t('sync.decisions')}</dt>
        <dd>{t('sync.decisionsText', status.decisions)}</dd>
      </dl>
      {status.decisions.pendingApply > 0 ? <p className="field-hint">{t('sync.decisionsPendingHint')}</p> : null}
    </section>
  );
}
