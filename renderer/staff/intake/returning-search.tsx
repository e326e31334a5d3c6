// 补正后再次提交: the applicant brings the missing materials back; the clerk finds the case by its number.
import { useState } from 'react';
import { useT } from '../../shared/use-t';

export function ReturningSearch({ busy, onFind }: { busy: boolean; onFind: (caseNo: string) => void }) {
  const { t } = useT();
  const [caseNo, setCaseNo] = useState('');
  const clean = caseNo.replace(/\s+/g, '');
  return (
    <form
      className="panel intake-returning"
      onSubmit={(e) => {
        e.preventDefault();
        if (clean) onFind(clean);
      }}
    >
      <label htmlFor="intake-returning-case-no" className="intake-label">{t('intake.returningCaseNo')}</label>
      <div className="intake-returning-row">
        <input
          id="intake-returning-case-no"
          data-testid="intake-returning-case-no"
          value={caseNo}
          inputMode="numeric"
          maxLength={32}
          autoComplete="off"
          onChange={(e) => setCaseNo(e.target.value)}
        />
        <button type="submit" disabled={busy || !clean} data-testid="intake-returning-find">{t('intake.returningFind')}</button>
      </div>
      <p className="field-hint">{t('intake.returningHint')}</p>
    </form>
  );
}
