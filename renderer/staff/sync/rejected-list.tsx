// Records the county rejected, each with its reason; an administrator can send one again.
import { useT } from '../../shared/use-t';
import { formatDateTime } from '../../shared/format';
import type { RejectedRecord } from './sync-contract';

interface RejectedListProps {
  rows: readonly RejectedRecord[];
  total: number;
  canResend: boolean;
  busyId: string | null;
  onResend: (recordId: string) => void;
}

export function RejectedList({ rows, total, canResend, busyId, onResend }: RejectedListProps) {
  const { t, language } = useT();
  return (
    <section className="panel" aria-labelledby="sync-rejected-title">
      <h2 id="sync-rejected-title">{t('sync.rejectedTitle', { count: total })}</h2>
      {rows.length === 0 ? (
        <p>{t('sync.rejectedNone')}</p>
      ) : (
        <table className="sync-table" data-testid="sync-rejected">
          <thead>
            <tr>
              <th>{t('sync.rejectedAt')}</th>
              <th>{t('sync.kind')}</th>
              <th>{t('sync.caseNo')}</th>
              <th>{t('sync.reason')}</th>
              <th>{t('sync.recordId')}</th>
              {canResend ? <th>{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.recordId}>
                <td>{formatDateTime(r.at, language)}</td>
                <td>{t(`sync.kinds.${r.kind}`)}</td>
                <td>{r.caseNo ?? '—'}</td>
                <td>{r.reason}</td>
                <td><code>{r.recordId}</code></td>
                {canResend ? (
                  <td>
                    <button type="button" className="secondary" disabled={busyId !== null} onClick={() => onResend(r.recordId)} aria-label={t('sync.resendOne', { recordId: r.recordId })}>
                      {t('sync.resend')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length < total ? <p className="field-hint">{t('sync.rejectedMore', { shown: rows.length, total })}</p> : null}
    </section>
  );
}
