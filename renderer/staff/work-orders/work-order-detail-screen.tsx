// One bad-rating work order: what was rated, the due days, each recorded step, and the form for the
// step the caller may take now (the lead: 回访, 整改, 办结, 复核; the clerk rated: 申诉).
import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../../shared/use-t';
import { formatDateTime } from '../../shared/format';
import { ApiError } from '../../shared/api-error';
import { useStaff } from '../staff-context';
import { useFigureEvents } from '../dashboard/figure-events';
import { WORK_ORDER_EVENT } from '../../../electron/contract/work-orders.js';
import { CALLBACK_METHODS, workOrdersApi, type WorkOrderView } from './work-orders-api';
import { isLead } from './work-orders-screen';
import './work-orders.css';

/** "2026-03-02T10:05" in the browser's zone (the hall's) → an ISO instant. */
const localToIso = (local: string) => new Date(local).toISOString();
const nowLocal = () => {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

function StepForm({ title, testId, onSubmit, children, submitLabel }: { title: string; testId: string; onSubmit: (form: FormData) => Promise<unknown>; children: ReactNode; submitLabel: string }) {
  const { t } = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(new FormData(e.currentTarget));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('workOrders.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" data-testid={testId} onSubmit={(e) => void submit(e)}>
      <h2>{title}</h2>
      {children}
      {error ? <p role="alert">{error}</p> : null}
      <div>
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

const text = (f: FormData, name: string) => String(f.get(name) ?? '');

export default function WorkOrderDetailScreen({ orderId }: { orderId: number }) {
  const { t, language } = useT();
  const { api, session } = useStaff();
  const calls = useMemo(() => workOrdersApi(api), [api]);
  const [order, setOrder] = useState<WorkOrderView | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => calls.get(orderId).then(setOrder, () => setFailed(true)), [calls, orderId]);
  useEffect(() => {
    void load();
  }, [load]);
  useFigureEvents(useCallback((e) => e.type === WORK_ORDER_EVENT && (e.data as { id?: number })?.id === orderId && void load(), [load, orderId]));

  if (failed) return <p role="alert">{t('workOrders.failed')}</p>;
  if (!order) return <p role="status">{t('common.loading')}</p>;
  const lead = isLead(session.user.role);
  const open = order.state !== 'closed';
  const done = (o: WorkOrderView) => setOrder(o);
  const when = (iso: string | null) => formatDateTime(iso, language);

  return (
    <section className="work-order" data-testid="work-order-detail" data-state={order.state}>
      <p>
        <a href="#/work-orders">{t('workOrders.back')}</a>
      </p>
      <h1>{t('workOrders.no', { id: order.id })}</h1>
      <div className="panel">
        <dl className="work-order-facts">
          <dt>{t('workOrders.col.level')}</dt>
          <dd>{t(`workOrders.level.${order.level}`)}{order.comment ? ` — “${order.comment}”` : ''}</dd>
          <dt>{t('workOrders.col.what')}</dt>
          <dd>{order.caseNo ? t('workOrders.case', { caseNo: order.caseNo }) : order.ticketNumber ? t('workOrders.ticket', { number: order.ticketNumber, window: order.windowNumber ?? '—' }) : '—'}</dd>
          <dt>{t('workOrders.col.clerk')}</dt>
          <dd>{order.clerkName ?? '—'}</dd>
          <dt>{t('workOrders.col.ratedAt')}</dt>
          <dd>{when(order.ratedAt)}</dd>
          <dt>{t('workOrders.realName')}</dt>
          <dd>{t(order.realName ? 'workOrders.realNameYes' : 'workOrders.realNameNo')}</dd>
          <dt>{t('workOrders.callbackDue')}</dt>
          <dd>{order.callbackDue}</dd>
          <dt>{t('workOrders.rectifyDue')}</dt>
          <dd>
            {order.rectifyDue}
            {order.warning !== 'none' ? <span className={`limit-badge limit-${order.warning}`}>{t(`workOrders.warning.${order.warning}`)}</span> : null}
          </dd>
          <dt>{t('workOrders.col.state')}</dt>
          <dd data-testid="work-order-state">{t(`workOrders.state.${order.state}`)}{order.closed ? ` — ${t(`workOrders.outcome.${order.closed.outcome}`)}` : ''}</dd>
        </dl>
      </div>
      <div className="work-order-steps">
        {order.callback ? (
          <div className="panel" data-testid="step-callback">
            <h2>{t('workOrders.callbackTitle')}</h2>
            <p>{t('workOrders.callbackDone', { at: when(order.callback.contactAt), method: t(`workOrders.method.${order.callback.method}`), by: order.callback.by ?? '—' })}</p>
            <p>{t(order.callback.contacted ? 'workOrders.contacted' : 'workOrders.notContacted')}：{order.callback.answer}</p>
          </div>
        ) : open && lead ? (
          <StepForm title={t('workOrders.callbackTitle')} testId="form-callback" submitLabel={t('workOrders.save')} onSubmit={async (f) =>
            done(await calls.callback(order.id, { contacted: f.get('contacted') === 'on', contactAt: localToIso(text(f, 'contactAt')), method: text(f, 'method') as (typeof CALLBACK_METHODS)[number], answer: text(f, 'answer') }))}>
            <label>
              <input type="checkbox" name="contacted" defaultChecked /> {t('workOrders.contacted')}
            </label>
            <label>
              {t('workOrders.contactAt')} <input type="datetime-local" name="contactAt" defaultValue={nowLocal()} required />
            </label>
            <label>
              {t('workOrders.methodLabel')}{' '}
              <select name="method" defaultValue="phone">
                {CALLBACK_METHODS.map((m) => (
                  <option key={m} value={m}>{t(`workOrders.method.${m}`)}</option>
                ))}
              </select>
            </label>
            <label>
              {t('workOrders.answer')} <textarea name="answer" required maxLength={1000} />
            </label>
          </StepForm>
        ) : null}
        {order.rectification ? (
          <div className="panel" data-testid="step-rectification">
            <h2>{t('workOrders.rectifyTitle')}</h2>
            <p>{t('workOrders.found')}：{order.rectification.found}</p>
            <p>{t('workOrders.done')}：{order.rectification.done}</p>
            <p className="muted">{t('workOrders.recordedBy', { by: order.rectification.by ?? '—', at: when(order.rectification.at) })}</p>
          </div>
        ) : open && lead ? (
          <StepForm title={t('workOrders.rectifyTitle')} testId="form-rectification" submitLabel={t('workOrders.save')} onSubmit={async (f) => done(await calls.rectify(order.id, { found: text(f, 'found'), done: text(f, 'done') }))}>
            <label>
              {t('workOrders.found')} <textarea name="found" required maxLength={2000} />
            </label>
            <label>
              {t('workOrders.done')} <textarea name="done" required maxLength={2000} />
            </label>
          </StepForm>
        ) : null}
        {order.followup ? (
          <div className="panel" data-testid="step-followup">
            <h2>{t('workOrders.followupTitle')}</h2>
            <p>{t(`workOrders.level.${order.followup.level}`)}{order.followup.comment ? ` — “${order.followup.comment}”` : ''} — {when(order.followup.at)}</p>
          </div>
        ) : open && lead && order.callback && order.caseNo ? (
          // Only the citizen rates (DOMAIN §3): the lead tells them where, and closes after they have had the chance.
          <p className="panel muted" data-testid="followup-hint">{t('workOrders.followupHint', { caseNo: order.caseNo })}</p>
        ) : null}
        {order.appeal ? (
          <div className="panel" data-testid="step-appeal">
            <h2>{t('workOrders.appealTitle')}</h2>
            <p>{order.appeal.reason} — {order.appeal.by ?? '—'}，{when(order.appeal.at)}</p>
            {order.appeal.decision ? <p>{t(`workOrders.review.${order.appeal.decision}`)}：{order.appeal.decisionReason}（{order.appeal.decidedBy ?? '—'}）</p> : null}
          </div>
        ) : null}
        {open && !order.appeal && !lead ? (
          <StepForm title={t('workOrders.appealTitle')} testId="form-appeal" submitLabel={t('workOrders.appealSubmit')} onSubmit={async (f) => done(await calls.appeal(order.id, { reason: text(f, 'reason') }))}>
            <p className="muted">{t('workOrders.appealHelp')}</p>
            <label>
              {t('workOrders.reason')} <textarea name="reason" required minLength={4} maxLength={1000} />
            </label>
          </StepForm>
        ) : null}
        {order.appeal && !order.appeal.decision && lead ? (
          <StepForm title={t('workOrders.reviewTitle')} testId="form-review" submitLabel={t('workOrders.save')} onSubmit={async (f) => done(await calls.review(order.id, { decision: text(f, 'decision') as 'upheld' | 'rejected', reason: text(f, 'reason') }))}>
            <p className="muted">{t('workOrders.reviewHelp')}</p>
            <label>
              <input type="radio" name="decision" value="upheld" required /> {t('workOrders.review.upheld')}
            </label>
            <label>
              <input type="radio" name="decision" value="rejected" /> {t('workOrders.review.rejected')}
            </label>
            <label>
              {t('workOrders.reason')} <textarea name="reason" required minLength={2} maxLength={1000} />
            </label>
          </StepForm>
        ) : null}
        {open && lead && order.callback && !(order.appeal && !order.appeal.decision) ? (
          <StepForm key={order.rectification ? 'rectified' : 'answered'} title={t('workOrders.closeTitle')} testId="form-close" submitLabel={t('workOrders.closeSubmit')} onSubmit={async (f) => done(await calls.close(order.id, { outcome: text(f, 'outcome') as 'rectified' | 'answered' }))}>
            <label>
              <input type="radio" name="outcome" value="rectified" defaultChecked={Boolean(order.rectification)} disabled={!order.rectification} /> {t('workOrders.outcome.rectified')}
            </label>
            <label>
              <input type="radio" name="outcome" value="answered" defaultChecked={!order.rectification} /> {t('workOrders.outcome.answered')}
            </label>
          </StepForm>
        ) : null}
      </div>
    </section>
  );
}
