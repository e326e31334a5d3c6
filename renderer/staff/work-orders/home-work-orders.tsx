// 差评工单 on the lead's home: how many bad-rating work orders are past or on their last day, as the
// case warnings show cases, and each of them, opening the order. Follows the host's rating events.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { useFigureEvents } from '../dashboard/figure-events';
import { dueOf, warnedOrders } from './work-order-warnings';
import { workOrdersApi, type WorkOrderView } from './work-orders-api';
import '../cases/cases.css';
import './work-orders.css';

export function HomeWorkOrders() {
  const { api } = useStaff();
  const calls = useMemo(() => workOrdersApi(api), [api]);
  const [orders, setOrders] = useState<WorkOrderView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    calls.list('open').then(
      (r) => live && (setOrders(r.orders), setFailed(false)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [calls, generation]);
  useFigureEvents(useCallback((e) => e.type.startsWith('rating.') && setGeneration((g) => g + 1), []));
  return <HomeWorkOrdersView orders={orders} failed={failed} />;
}

/** The panel itself, from the open orders (null: still loading). */
export function HomeWorkOrdersView({ orders, failed }: { orders: readonly WorkOrderView[] | null; failed: boolean }) {
  const { t } = useT();
  const warned = orders ? warnedOrders(orders) : null;
  const list = warned ? [...warned.red, ...warned.yellow] : [];

  return (
    <div className="panel" data-testid="home-work-orders">
      <h2>{t('workOrders.home.title')}</h2>
      {failed ? <p role="alert">{t('workOrders.failed')}</p> : null}
      <div className="home-warnings">
        {(['red', 'yellow'] as const).map((level) => (
          <a key={level} className={`home-warning limit-${level}`} href="#/work-orders" data-testid={`home-order-warning-${level}`} data-count={warned?.[level].length ?? ''}>
            <strong>{warned ? warned[level].length : '…'}</strong>
            <span>{t(`workOrders.home.${level}`)}</span>
          </a>
        ))}
      </div>
      {warned && list.length === 0 ? <p className="muted">{t('workOrders.home.none', { n: orders!.length })}</p> : null}
      {list.length > 0 ? (
        <ul className="home-orders">
          {list.map((o) => (
            <li key={o.id} data-testid={`home-order-${o.id}`}>
              <span className={`limit-badge limit-${o.warning}`}>{t(`workOrders.warning.${o.warning}`)}</span>{' '}
              <a href={`#/work-orders/${o.id}`}>{t('workOrders.no', { id: o.id })}</a>{' '}
              {t(`workOrders.level.${o.level}`)} · {o.caseNo ? t('workOrders.case', { caseNo: o.caseNo }) : o.ticketNumber ? t('workOrders.ticket', { number: o.ticketNumber, window: o.windowNumber ?? '—' }) : '—'} ·{' '}
              {t(o.state === 'open' ? 'dashboard.callbackBy' : 'dashboard.rectifyBy', { day: dueOf(o) })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
