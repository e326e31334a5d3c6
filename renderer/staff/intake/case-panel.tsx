// After 收件: the case number and query password to tell the applicant (once), what is still missing,
// and the clerk's choices — 受理, 一次性告知补正, 不予受理 — each printing its notice.
import type { CorrectionEntry, MissingMaterial } from '../../../electron/contract/cases.js';
import { useT } from '../../shared/use-t';
import { CorrectionForm, RejectForm } from './decision-forms';
import { acceptAvailability, correctionScope, correctionsFrom, missingReasonText, windowDecisionOpen } from './intake-model';
import type { ReceivedCase } from './intake-state';
import type { NoticeState } from './use-notice-print';

export type Decision = 'correction' | 'reject' | null;

interface CasePanelProps {
  received: ReceivedCase;
  materialNames: readonly string[];
  decision: Decision;
  onDecision: (decision: Decision) => void;
  busy: boolean;
  notice: NoticeState;
  onAccept: () => void;
  onCorrection: (corrections: CorrectionEntry[], note: string) => void;
  onReject: (reasons: string[], note: string) => void;
  onReprint: () => void;
  onNext: () => void;
}

function MissingList({ missing, canAccept }: { missing: readonly MissingMaterial[]; canAccept: boolean }) {
  const { t } = useT();
  return (
    <div className={missing.length ? 'intake-missing has-missing' : 'intake-missing'} data-testid="intake-missing" data-count={missing.length}>
      {missing.length === 0 ? (
        <p className="intake-complete">{canAccept ? t('intake.allPresent') : t('intake.allPresentShort')}</p>
      ) : (
        <>
          <p><strong>{t('intake.missingTitle', { n: missing.length })}</strong></p>
          <ul>
            {missing.map((m) => (
              <li key={m.name}>
                {m.name}：{missingReasonText(t, m)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function CasePanel(props: CasePanelProps) {
  const { received, materialNames, decision, onDecision, busy, notice, onAccept, onCorrection, onReject, onReprint, onNext } = props;
  const { t } = useT();
  const accept = acceptAvailability(t, received.status, received.missing);
  const open = windowDecisionOpen(received.status);
  const scope = correctionScope(received.firstNotice, received.missing, materialNames);

  return (
    <section className="panel intake-case" data-testid="intake-case" data-status={received.status} aria-labelledby="intake-case-title">
      <div className="intake-case-head">
        <h2 id="intake-case-title">{t('intake.caseTitle')}</h2>
        <span className={`intake-status status-${received.status}`} data-testid="intake-status">{t(`cases.status.${received.status}`)}</span>
      </div>
      {received.password ? (
        <div className="intake-receipt" role="status">
          <p className="intake-receipt-say">{t('intake.tellApplicant')}</p>
          <p className="intake-receipt-line">
            <span>{t('intake.caseNo')}</span>
            <strong className="intake-receipt-value" data-testid="intake-case-no">{received.caseNo}</strong>
          </p>
          <p className="intake-receipt-line">
            <span>{t('intake.queryPassword')}</span>
            <strong className="intake-receipt-value" data-testid="intake-query-password">{received.password}</strong>
          </p>
          <p className="intake-receipt-warn">{t('intake.passwordOnce')}</p>
        </div>
      ) : (
        <p className="intake-receipt-line">
          <span>{t('intake.caseNo')}</span>
          <strong className="intake-receipt-value" data-testid="intake-case-no">{received.caseNo}</strong>
        </p>
      )}
      <MissingList missing={received.missing} canAccept={received.status === 'received'} />

      {open ? (
        <div className="intake-choices">
          <div>
            <button type="button" className="intake-accept" data-testid="intake-accept" disabled={busy || !accept.enabled} aria-describedby="intake-accept-why" onClick={onAccept}>
              {t('intake.accept')}
            </button>
            {accept.reasons.length ? (
              <p id="intake-accept-why" className="field-hint">{t('intake.acceptBlocked', { reasons: accept.reasons.join('；') })}</p>
            ) : null}
          </div>
          <button type="button" className="secondary" data-testid="intake-request-correction" disabled={busy} aria-pressed={decision === 'correction'} onClick={() => onDecision(decision === 'correction' ? null : 'correction')}>
            {t('intake.requestCorrection')}
          </button>
          <button type="button" className="danger" data-testid="intake-reject" disabled={busy} aria-pressed={decision === 'reject'} onClick={() => onDecision(decision === 'reject' ? null : 'reject')}>
            {t('intake.reject')}
          </button>
        </div>
      ) : null}
      {open && decision === 'correction' ? (
        <CorrectionForm
          key={received.missing.map((m) => m.name).join('|')}
          initial={correctionsFrom(t, scope.missing)}
          missing={scope.missing}
          materialNames={scope.materialNames}
          again={received.firstNotice !== null}
          busy={busy}
          onSubmit={onCorrection}
          onCancel={() => onDecision(null)}
        />
      ) : null}
      {open && decision === 'reject' ? <RejectForm busy={busy} onSubmit={onReject} onCancel={() => onDecision(null)} /> : null}

      {received.status === 'correction' ? (
        <p className="notice-box">{received.password ? t('intake.correctionDone') : t('intake.correctionReturned')}</p>
      ) : null}
      {received.status === 'accepted' ? <p className="notice-box">{t('intake.acceptedDone')}</p> : null}
      {received.status === 'rejected' ? <p className="notice-box">{t('intake.rejectedDone')}</p> : null}

      {notice ? (
        <div className={`intake-notice-state state-${notice.status}`} role={notice.status === 'failed' ? 'alert' : 'status'} data-testid="intake-notice-state" data-kind={notice.job.kind} data-status={notice.status}>
          <span>{notice.message}</span>
          <button type="button" className="secondary" data-testid="intake-reprint" disabled={notice.status === 'printing'} onClick={onReprint}>
            {t('intake.reprint')}
          </button>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="secondary" data-testid="intake-next" onClick={onNext}>
          {t('intake.next')}
        </button>
      </div>
    </section>
  );
}
