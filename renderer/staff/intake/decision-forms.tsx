// The clerk's two refusals at the window: 一次性告知补正 (every missing or defective material, a reason
// each) and 不予受理 (the reasons printed on the notice, with the applicant's remedies).
import { useState } from 'react';
import type { CorrectionEntry, MissingMaterial } from '../../../electron/contract/cases.js';
import { useT } from '../../shared/use-t';
import { correctionProblems } from './intake-model';

interface CorrectionFormProps {
  initial: CorrectionEntry[];
  missing: readonly MissingMaterial[];
  /** Every material of the check-list: a defective one can be added beside the missing ones. */
  materialNames: readonly string[];
  /** A later round: only materials of the first notice may be named again. */
  again?: boolean;
  busy: boolean;
  onSubmit: (corrections: CorrectionEntry[], note: string) => void;
  onCancel: () => void;
}

export function CorrectionForm({ initial, missing, materialNames, again = false, busy, onSubmit, onCancel }: CorrectionFormProps) {
  const { t } = useT();
  const [list, setList] = useState<CorrectionEntry[]>(initial);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const missingNames = new Set(missing.map((m) => m.name));
  const addable = materialNames.filter((name) => !list.some((c) => c.name === name));
  const problems = correctionProblems(t, list, missing);
  const set = (index: number, entry: CorrectionEntry) => setList(list.map((c, i) => (i === index ? entry : c)));

  return (
    <form
      className="panel intake-decision"
      data-testid="intake-correction-form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (problems.length === 0) onSubmit(list.map((c) => ({ name: c.name, reason: c.reason.trim() })), note.trim());
      }}
    >
      <h3>{t('intake.correctionTitle')}</h3>
      <p className="muted">{t('intake.correctionHelp')}</p>
      {again ? <p className="field-hint" data-testid="intake-correction-again">{t('intake.correctionAgainHelp')}</p> : null}
      <ol className="intake-correction-list">
        {list.map((entry, index) => (
          <li key={entry.name} data-testid={`intake-correction-${index}`}>
            <strong>{entry.name}</strong>
            <input
              aria-label={t('intake.correctionReason', { name: entry.name })}
              value={entry.reason}
              maxLength={200}
              onChange={(e) => set(index, { ...entry, reason: e.target.value })}
            />
            {missingNames.has(entry.name) ? (
              <span className="muted">{t('intake.correctionRequired')}</span>
            ) : (
              <button type="button" className="link" onClick={() => setList(list.filter((_, i) => i !== index))}>
                {t('intake.remove')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {addable.length > 0 ? (
        <label className="intake-add-defective">
          {t('intake.addDefective')}
          <select
            value=""
            onChange={(e) => {
              if (e.target.value) setList([...list, { name: e.target.value, reason: t('intake.defectiveReason') }]);
            }}
          >
            <option value="">{t('intake.choose')}</option>
            {addable.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="intake-note">
        {t('intake.note')}
        <textarea value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      {tried && problems.length ? (
        <div className="form-messages" role="alert">{problems.map((p) => <p key={p}>{p}</p>)}</div>
      ) : null}
      <div className="form-actions">
        <button type="submit" disabled={busy} data-testid="intake-correction-confirm">{t('intake.correctionConfirm')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}

export function RejectForm({ busy, onSubmit, onCancel }: { busy: boolean; onSubmit: (reasons: string[], note: string) => void; onCancel: () => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const reasons = text.split('\n').map((s) => s.trim()).filter(Boolean);
  const tooLong = reasons.some((r) => r.length > 200);
  const problem = reasons.length === 0 ? t('intake.rejectNoReason') : tooLong ? t('intake.rejectTooLong') : reasons.length > 20 ? t('intake.rejectTooMany') : null;
  return (
    <form
      className="panel intake-decision"
      data-testid="intake-reject-form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!problem) onSubmit(reasons, '');
      }}
    >
      <h3>{t('intake.rejectTitle')}</h3>
      <label className="intake-note">
        {t('intake.rejectReasons')}
        <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} data-testid="intake-reject-reasons" />
      </label>
      <p className="muted">{t('intake.rejectHelp')}</p>
      {tried && problem ? <div className="form-messages" role="alert"><p>{problem}</p></div> : null}
      <div className="form-actions">
        <button type="submit" className="danger" disabled={busy} data-testid="intake-reject-confirm">{t('intake.rejectConfirm')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
