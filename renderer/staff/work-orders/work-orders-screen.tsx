// 差评整改: the lead's list of bad-rating work orders (open first, soonest due first), or, for a
// clerk, "my bad ratings". Each row opens the order; the list follows the host's events.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../shared/use-t';
import { formatDateTime } from '../../shared/format';
import { useStaff } from '../staff-context';
import { useFigureEvents } from '../dashboard/figure-events';
import { dueOf } from './work-order-warnings';
import { workOrdersApi, type WorkOrderListView, type WorkOrderView } from './work-orders-api';
import './work-orders.css';

const LEAD_VIEWS: readonly WorkOrderListView[] = ['open', 'closed', 'all'];

export function isLead(role: string): boolean {
  return role === 'supervisor' || role === 'admin';
}

export default function WorkOrdersScreen() {
  const { t, language } = useT();
  const { api, session } = useStaff();
  const calls = useMemo(() => workOrdersApi(api), [api]);
  const lead = isLead(session.user.role);
  const [view, setView] = useState<WorkOrderListView>(lead ? 'open' : 'mine');
  const [orders, setOrders] = useState<WorkOrderView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    calls.list(view).then(
      (r) => live && (setOrders(r.orders), setFailed(false)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [calls, view, generation]);
  useFigureEvents(useCallback((e) => e.type.startsWith('rating.') && setGeneration((g) => g + 1), []));

  return (
    <section className="work-orders" data-testid="work-orders">
      <h1>{t(lead ? 'workOrders.title' : 'workOrders.mineTitle')}</h1>
      <p className="work-orders-help">{t(lead ? 'workOrders.help' : 'workOrders.mineHelp')}</p>
      {lead ? (
        <div className="work-orders-views" role="tablist">
          {LEAD_VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? '' : 'secondary'} onClick={() => setView(v)}>
              {t(`workOrders.views.${v}`)}
            </button>
          ))}
        </div>
      ) : null}
      {failed ? <p role="alert">{t('workOrders.failed')}</p> : null}
      {orders === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : orders.length === 0 ? (
        <p className="panel">{t('workOrders.none')}</p>
      ) : (
        <table className="work-orders-table">
          <thead>
            <tr>
              <th>{t('workOrders.col.no')}</th>
              <th>{t('workOrders.col.level')}</th>
              <th>{t('workOrders.col.what')}</th>
              <th>{t('workOrders.col.clerk')}</th>
              <th>{t('workOrders.col.ratedAt')}</th>
              <th>{t('workOrders.col.due')}</th>
              <th>{t('workOrders.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} className={`warning-${o.warning}`} data-testid={`work-order-${o.id}`}>
                <td>
                  <a href={`#/work-orders/${o.id}`}>{t('workOrders.no', { id: o.id })}</a>
                </td>
                <td>{t(`workOrders.level.${o.level}`)}</td>
                <td>{o.caseNo ? t('workOrders.case', { caseNo: o.caseNo }) : o.ticketNumber ? t('workOrders.ticket', { number: o.ticketNumber, window: o.windowNumber ?? '—' }) : '—'}</td>
                <td>{o.clerkName ?? '—'}</td>
                <td>{formatDateTime(o.ratedAt, language)}</td>
                <td>
                  {o.state === 'closed' ? '—' : dueOf(o)}
                  {o.warning !== 'none' ? <span className={`limit-badge limit-${o.warning}`}>{t(`workOrders.warning.${o.warning}`)}</span> : null}
                </td>
                <td>
                  {t(`workOrders.state.${o.state}`)}
                  {o.appeal && !o.appeal.decision ? <span className="limit-badge">{t('workOrders.appealPending')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
