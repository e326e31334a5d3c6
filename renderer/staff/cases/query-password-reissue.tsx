// 补发查询密码: for an applicant at the counter who lost the query password. The clerk confirms (the
// old one stops working), the host answers the new one once; it is shown and may be printed on a slip.
import { useState } from 'react';
import { errorMessage } from '../../shared/api-error';
import type { Role } from '../../shared/contract';
import { pagePrinter, printA4 } from '../../shared/print-html';
import type { Translate } from '../../shared/translate';
import { useT } from '../../shared/use-t';
import type { CasesApi } from './cases-api';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A small slip: the case number and the new password, nothing personal. */
export function passwordSlipHtml(t: Translate, lang: string, caseNo: string, password: string): string {
  const title = escapeHtml(t('caseDetail.queryPassword.slipTitle'));
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${title}</title>
<style>@page { size: A6; margin: 10mm; } body { font-family: "SimSun", serif; font-size: 12pt; } h1 { font-size: 16pt; text-align: center; } .pw { font-size: 24pt; letter-spacing: 0.3em; text-align: center; }</style></head>
<body><h1>${title}</h1>
<p>${escapeHtml(t('cases.notice.caseNo'))}：${escapeHtml(caseNo)}</p>
<p>${escapeHtml(t('cases.notice.queryPassword'))}：</p><p class="pw">${escapeHtml(password)}</p>
<p>${escapeHtml(t('caseDetail.queryPassword.slipNote'))}</p>
</body></html>
`;
}

export function QueryPasswordReissue({ caseId, role, cases }: { caseId: number; role: Role; cases: CasesApi }) {
  const { t, language } = useT();
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [issued, setIssued] = useState<{ caseNo: string; queryPassword: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  if (role !== 'clerk') return null;

  const reissue = async () => {
    setStep('busy');
    setMessage(null);
    try {
      setIssued(await cases.reissueQueryPassword(caseId));
    } catch (error) {
      setMessage({ text: errorMessage(t, error), failed: true });
    } finally {
      setStep('idle');
    }
  };

  const print = async (caseNo: string, password: string) => {
    const title = t('caseDetail.queryPassword.slipTitle');
    const outcome = await printA4(passwordSlipHtml(t, language, caseNo, password), pagePrinter('case-password-slip-frame'));
    setMessage(outcome.ok ? { text: t('intake.noticePrinted', { title }), failed: false } : { text: t('intake.noticePrintFailed', { title, detail: outcome.detail }), failed: true });
  };

  return (
    <div className="panel" data-testid="case-query-password">
      {issued ? (
        <p>
          {t('caseDetail.queryPassword.issued')}：<strong data-testid="case-new-query-password">{issued.queryPassword}</strong>{' '}
          <button type="button" onClick={() => void print(issued.caseNo, issued.queryPassword)}>{t('caseDetail.queryPassword.print')}</button>
        </p>
      ) : step === 'confirm' ? (
        <p role="alertdialog">
          {t('caseDetail.queryPassword.confirm')}{' '}
          <button type="button" data-testid="case-query-password-confirm" onClick={() => void reissue()}>{t('caseDetail.queryPassword.yes')}</button>{' '}
          <button type="button" className="secondary" onClick={() => setStep('idle')}>{t('caseDetail.queryPassword.no')}</button>
        </p>
      ) : (
        <button type="button" className="secondary" disabled={step === 'busy'} data-testid="case-query-password-reissue" onClick={() => setStep('confirm')}>
          {t('caseDetail.queryPassword.reissue')}
        </button>
      )}
      {message ? <p role={message.failed ? 'alert' : 'status'} className={message.failed ? 'error-box' : 'notice-box'}>{message.text}</p> : null}
    </div>
  );
}
