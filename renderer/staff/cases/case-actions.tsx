// 办理: one button per action the case allows now for this user; each opens the few fields it needs,
// asks once more for the ones that cannot be undone, and shows what happened or why the host refused.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import type { CasesApi } from './cases-api';
import type { CaseAction, CaseActionRequest, CaseDetail } from './cases-contract';
import { actionNeeds, intakeActionsNow, offeredActions } from './case-model';

interface CaseActionsProps {
  c: CaseDetail;
  cases: CasesApi;
  onDone: (next: CaseDetail, action: CaseAction) => void;
}

export function CaseActions({ c, cases, onDone }: CaseActionsProps) {
  const { t } = useT();
  const { session } = useStaff();
  const { user } = session;
  const actions = offeredActions(c, user.role);
  const intake = intakeActionsNow(c.status, user.role);
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [note, setNote] = useState('');
  const [method, setMethod] = useState<'window' | 'post' | ''>('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = (action: CaseAction) => {
    setOpen(action);
    setNote('');
    setMethod('');
    setError(null);
  };

  const send = async () => {
    if (!open) return;
    const body: CaseActionRequest = { action: open, note: note.trim() || undefined };
    if (open === 'assign') body.assigneeId = user.id;
    if (open === 'deliver' && method) body.method = method;
    setBusy(true);
    setError(null);
    try {
      const next = await cases.act(c.id, body);
      setOpen(null);
      setConfirming(false);
      onDone(next, open);
    } catch (failure) {
      setConfirming(false);
      setError(errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    const needs = actionNeeds(open);
    if (needs.reasonRequired && !note.trim()) return setError(t('caseDetail.actions.reasonNeeded'));
    if (needs.method && !method) return setError(t('caseDetail.actions.methodNeeded'));
    if (needs.confirm) return setConfirming(true);
    void send();
  };

  if (actions.length === 0 && intake.length === 0) {
    return (
      <section className="panel case-actions" data-testid="case-actions">
        <h2>{t('caseDetail.actions.title')}</h2>
        <p>{t('caseDetail.actions.none')}</p>
      </section>
    );
  }

  const needs = open ? actionNeeds(open) : null;
  return (
    <section className="panel case-actions" data-testid="case-actions">
      <h2>{t('caseDetail.actions.title')}</h2>
      {actions.length > 0 ? (
        <div className="case-action-buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              data-testid={`case-action-${action}`}
              className={open === action ? undefined : action === 'deny' || action === 'withdraw' ? 'secondary danger-outline' : 'secondary'}
              aria-expanded={open === action}
              onClick={() => start(action)}
            >
              {action === 'assign' ? t('caseDetail.actions.assignToMe') : t(`cases.action.${action}`)}
            </button>
          ))}
        </div>
      ) : null}
      {intake.length > 0 ? <p className="case-muted">{t('caseDetail.actions.intakeElsewhere', { actions: intake.map((a) => t(`cases.action.${a}`)).join('、') })}</p> : null}
      {open && needs ? (
        <form className="case-action-form" onSubmit={submit} noValidate data-testid="case-action-form" data-action={open}>
          <p className="case-action-help">{t(`caseDetail.help.${open}`, { name: user.displayName })}</p>
          {needs.method ? (
            <fieldset>
              <legend>{t('caseDetail.actions.method')}</legend>
              {(['window', 'post'] as const).map((m) => (
                <label key={m} className="case-radio">
                  <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} />
                  {t(`caseDetail.method.${m}`)}
                </label>
              ))}
            </fieldset>
          ) : null}
          <label className="case-note">
            {needs.reasonRequired ? t('caseDetail.actions.reason') : t('caseDetail.actions.note')}
            <textarea value={note} maxLength={500} rows={2} required={needs.reasonRequired} onChange={(e) => setNote(e.target.value)} />
          </label>
          {error ? <div className="error-box" role="alert" data-testid="case-action-error"><p>{error}</p></div> : null}
          <div className="form-actions">
            <button type="submit" className={needs.confirm ? 'danger' : undefined} disabled={busy} data-testid="case-action-submit">
              {t(`cases.action.${open}`)}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(null)} disabled={busy}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {confirming && open ? (
        <ConfirmDialog title={t(`caseDetail.confirm.${open}Title`, { caseNo: c.caseNo })} confirmLabel={t(`cases.action.${open}`)} danger busy={busy} onConfirm={() => void send()} onCancel={() => setConfirming(false)}>
          <p>{t(`caseDetail.confirm.${open}Text`)}</p>
          <p>{t('caseDetail.confirm.reasonLine', { reason: note.trim() })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
