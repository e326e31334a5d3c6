// 审计校验: recompute the audit log's hash chain on the host and say plainly what the answer means.
import { useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import { AuditVerifyResponse } from '../../shared/contract';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import './audit.css';

export default function AuditScreen() {
  const { t, language } = useT();
  const { api } = useStaff();
  const [result, setResult] = useState<{ answer: AuditVerifyResponse; at: Date } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.request('GET', '/audit/verify', { schema: AuditVerifyResponse });
      setResult({ answer, at: new Date() });
    } catch (failure) {
      setError(errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  const checkedAt = result ? new Intl.DateTimeFormat(language, { timeStyle: 'medium' }).format(result.at) : '';
  return (
    <section className="audit-screen">
      <h1>{t('nav.audit')}</h1>
      <div className="panel">
        <p>{t('audit.intro')}</p>
        <button type="button" data-testid="audit-verify" onClick={() => void verify()} disabled={busy}>
          {busy ? t('audit.checking') : t('audit.verify')}
        </button>
      </div>
      {error ? <div className="error-box" role="alert"><p>{error}</p></div> : null}
      {result ? (
        <div className={`panel audit-result ${result.answer.ok ? 'audit-ok' : 'audit-bad'}`} data-testid="audit-result" data-ok={String(result.answer.ok)} role={result.answer.ok ? 'status' : 'alert'}>
          {result.answer.ok ? (
            <>
              <h2>✔ {t('audit.ok', { count: result.answer.checked })}</h2>
              <p>{t('audit.okMeaning')}</p>
            </>
          ) : (
            <>
              <h2>✖ {t('audit.bad', { id: result.answer.firstBadId ?? '?' })}</h2>
              <p>{t('audit.badMeaning', { count: result.answer.checked })}</p>
              <p><strong>{t('audit.whatToDoTitle')}</strong></p>
              <ol>
                <li>{t('audit.whatToDo1')}</li>
                <li>{t('audit.whatToDo2')}</li>
                <li>{t('audit.whatToDo3')}</li>
              </ol>
            </>
          )}
          <p className="audit-when">{t('audit.checkedAt', { time: checkedAt })}</p>
        </div>
      ) : null}
    </section>
  );
}
