// 申请人: masked as the host sends it; the back office and the administrator may ask for the full ID
// number once they have read that the host records who looked, and when.
import { useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import type { CasesApi } from './cases-api';
import type { CaseDetail } from './cases-contract';

export const REVEAL_ROLES = ['backoffice', 'admin'] as const;

export function CaseApplicant({ c, cases }: { c: CaseDetail; cases: CasesApi }) {
  const { t } = useT();
  const { session } = useStaff();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<{ name: string; idNumber: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayReveal = (REVEAL_ROLES as readonly string[]).includes(session.user.role);
  const person = c.applicantKind === 'person';

  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      const full = await cases.reveal(c.id);
      setRevealed({ name: full.applicantName, idNumber: full.idNumber });
      setAsking(false);
    } catch (failure) {
      setAsking(false);
      setError(errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" data-testid="case-applicant">
      <h2>{t('caseDetail.applicant.title')}</h2>
      <dl className="case-facts">
        <div><dt>{t('caseDetail.applicant.name')}</dt><dd data-testid="case-applicant-name">{revealed?.name ?? c.applicantName}</dd></div>
        <div>
          <dt>{person ? t('caseDetail.applicant.idNumber') : t('caseDetail.applicant.creditCode')}</dt>
          <dd data-testid="case-id-number" data-revealed={revealed ? 'true' : 'false'}>{revealed?.idNumber ?? c.idNumber}</dd>
        </div>
        {c.contactName ? <div><dt>{t('caseDetail.applicant.contact')}</dt><dd>{c.contactName}</dd></div> : null}
        <div><dt>{t('caseDetail.applicant.mobile')}</dt><dd>{c.mobile}</dd></div>
      </dl>
      {mayReveal && !revealed ? (
        <button type="button" className="secondary" data-testid="case-reveal" onClick={() => setAsking(true)}>
          {t('caseDetail.applicant.reveal')}
        </button>
      ) : null}
      {revealed ? <p className="case-muted">{t('caseDetail.applicant.revealedNote')}</p> : null}
      {error ? <div className="error-box" role="alert"><p>{error}</p></div> : null}
      {asking ? (
        <ConfirmDialog title={t('caseDetail.applicant.revealTitle')} confirmLabel={t('caseDetail.applicant.revealConfirm')} busy={busy} onConfirm={() => void reveal()} onCancel={() => setAsking(false)}>
          <p>{t('caseDetail.applicant.revealText', { caseNo: c.caseNo })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
