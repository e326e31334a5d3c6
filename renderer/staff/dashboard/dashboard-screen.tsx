// 管理服务一中心 on a normal monitor: every figure of DOMAIN §8, each opening the list behind it
// (the case list filtered, the work orders, the windows below, the upload screen).
import { useMemo } from 'react';
import { useT } from '../../shared/use-t';
import { formatDateTime } from '../../shared/format';
import { hashForState } from '../cases/case-query';
import type { CaseStatus } from '../cases/cases-contract';
import { Chart } from './chart';
import { minutes, percent, useDashboard, type Dashboard } from './use-dashboard';
import './dashboard.css';

const caseList = (filters: Parameters<typeof hashForState>[0]['filters']) => hashForState({ filters, sort: filters.warning ? 'due' : '-received', page: 0 });

function Tile({ label, value, href, testId, note }: { label: string; value: string | number; href?: string; testId: string; note?: string }) {
  const body = (
    <>
      <strong data-testid={`${testId}-value`}>{value}</strong>
      <span>{label}</span>
      {note ? <small>{note}</small> : null}
    </>
  );
  return href ? (
    <a className="figure-tile" href={href} data-testid={testId}>
      {body}
    </a>
  ) : (
    <div className="figure-tile" data-testid={testId}>
      {body}
    </div>
  );
}

function RatingTiles({ r, period, testPrefix }: { r: Dashboard['ratingsMonth']; period: string; testPrefix: string }) {
  const { t } = useT();
  return (
    <div className="figure-group">
      <h3>{period}</h3>
      <div className="figure-tiles">
        <Tile testId={`${testPrefix}-rated`} label={t('dashboard.ratedShare')} value={percent(r.ratedShare)} note={t('dashboard.ofServices', { n: r.servicesRated, total: r.servicesFinished })} href="#/work-orders" />
        <Tile testId={`${testPrefix}-satisfied`} label={t('dashboard.satisfiedShare')} value={percent(r.satisfiedShare)} note={t('dashboard.ofRatings', { n: r.satisfied, total: r.ratings })} href="#/work-orders?view=all" />
        <Tile testId={`${testPrefix}-bad`} label={t('dashboard.bad')} value={r.bad} href="#/work-orders?view=all" />
        <Tile testId={`${testPrefix}-rectified`} label={t('dashboard.rectifiedShare')} value={percent(r.rectifiedShare)} note={t('dashboard.ofOrders', { n: r.ordersClosed, total: r.ordersDue })} href="#/work-orders?view=closed" />
        <Tile testId={`${testPrefix}-calledback`} label={t('dashboard.calledBackShare')} value={percent(r.calledBackShare)} note={t('dashboard.ofOrders', { n: r.realNameCalledBack, total: r.realNameBad })} href="#/work-orders" />
      </div>
    </div>
  );
}

export default function DashboardScreen() {
  const { t, language } = useT();
  const { data, failed, updates } = useDashboard();
  const min = t('dashboard.min');
  const statuses = useMemo(() => data?.cases.byStatus ?? [], [data]);
  if (!data) return failed ? <p role="alert">{t('dashboard.failed')}</p> : <p role="status">{t('common.loading')}</p>;
  const { queue, cases, upload } = data;
  const showWindows = () => document.getElementById('dashboard-windows')?.scrollIntoView({ behavior: 'smooth' });
  return (
    <section className="dashboard" data-testid="dashboard" data-updates={updates}>
      <header className="dashboard-head">
        <h1>{t('dashboard.title')}</h1>
        <span>{t('dashboard.asOf', { day: data.businessDay, at: formatDateTime(data.at, language) })}</span>
        <a className="button secondary" href="#/dashboard/wall">{t('dashboard.openWall')}</a>
      </header>
      {failed ? <p role="alert">{t('dashboard.stale')}</p> : null}

      <div className="panel">
        <h2>{t('dashboard.queueTitle')}</h2>
        <div className="figure-tiles">
          <button type="button" className="figure-tile" onClick={showWindows} data-testid="fig-waiting"><strong data-testid="fig-waiting-value">{queue.waitingTotal}</strong><span>{t('dashboard.waiting')}</span></button>
          <button type="button" className="figure-tile" onClick={showWindows}><strong>{minutes(queue.longestWaitMinutes, min)}</strong><span>{t('dashboard.longestWait')}</span></button>
          <Tile testId="fig-issued" label={t('dashboard.issued')} value={queue.issued} />
          <Tile testId="fig-served" label={t('dashboard.served')} value={queue.served} />
          <Tile testId="fig-noshow" label={t('dashboard.noShow')} value={queue.noShow} note={t('dashboard.noShowRate', { rate: percent(queue.noShowRate) })} />
          <Tile testId="fig-wait" label={t('dashboard.avgWait')} value={minutes(queue.avgWaitMinutes, min)} note={t('dashboard.p90', { v: minutes(queue.p90WaitMinutes, min) })} />
          <Tile testId="fig-service" label={t('dashboard.avgService')} value={minutes(queue.avgServiceMinutes, min)} note={t('dashboard.p90', { v: minutes(queue.p90ServiceMinutes, min) })} />
          <Tile testId="fig-above" label={t('dashboard.aboveTarget', { target: queue.targetMinutes })} value={queue.aboveTarget} note={percent(queue.aboveTargetShare)} />
        </div>
        <Chart kind="bar" height={220} labels={queue.waiting.map((w) => w.name)} values={queue.waiting.map((w) => w.waiting)} testId="chart-waiting" onPick={showWindows} />
        <table className="dashboard-windows" id="dashboard-windows" data-testid="dashboard-windows">
          <thead>
            <tr><th>{t('dashboard.window')}</th><th>{t('dashboard.windowState')}</th><th>{t('dashboard.ticket')}</th><th>{t('dashboard.forHowLong')}</th></tr>
          </thead>
          <tbody>
            {queue.windows.map((w) => (
              <tr key={w.number} className={`window-${w.state}`}>
                <td>{w.name}</td>
                <td>{t(`dashboard.windowStates.${w.state}`)}</td>
                <td>{w.ticketNumber ?? '—'}</td>
                <td>{minutes(w.forMinutes, min)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="panel">
        <h2>{t('dashboard.casesTitle')}</h2>
        <div className="figure-tiles">
          <Tile testId="fig-red" label={t('dashboard.red')} value={cases.red} href={caseList({ warning: 'red' })} />
          <Tile testId="fig-yellow" label={t('dashboard.yellow')} value={cases.yellow} href={caseList({ warning: 'yellow' })} />
          <Tile testId="fig-received" label={t('dashboard.receivedToday')} value={cases.receivedToday} href={caseList({})} />
          <Tile testId="fig-accepted" label={t('dashboard.acceptedToday')} value={cases.acceptedToday} href={caseList({ status: 'accepted' })} />
          <Tile testId="fig-concluded" label={t('dashboard.concludedToday')} value={cases.concludedToday} href={caseList({ status: 'concluded' })} />
        </div>
        <div className="dashboard-columns">
          {statuses.length === 0 ? <p className="figure-empty">—</p> : <Chart kind="pie" height={260} labels={statuses.map((s) => t(`cases.status.${s.status}`))} values={statuses.map((s) => s.count)} testId="chart-cases"
            onPick={(i) => { const s = statuses[i]; if (s) location.hash = caseList({ status: s.status as CaseStatus }); }} />}
          <div>
            <h3>{t('dashboard.overdueByItem')}</h3>
            {cases.overdueByItem.length === 0 ? <p>—</p> : (
              <ul className="figure-list">
                {cases.overdueByItem.map((i) => <li key={i.itemCode}><a href={caseList({ warning: 'red', item: i.itemCode })}>{i.itemName}</a> <strong>{i.count}</strong></li>)}
              </ul>
            )}
            <h3>{t('dashboard.overdueByVillage')}</h3>
            {cases.overdueByVillage.length === 0 ? <p>—</p> : (
              <ul className="figure-list">
                {cases.overdueByVillage.map((v) => <li key={v.village ?? '-'}>{v.village ?? t('dashboard.noVillage')} <strong>{v.count}</strong></li>)}
              </ul>
            )}
          </div>
        </div>
      </div>

      <div className="panel">
        <h2>{t('dashboard.ratingsTitle')}</h2>
        <RatingTiles r={data.ratingsToday} period={t('dashboard.today')} testPrefix="today" />
        <RatingTiles r={data.ratingsMonth} period={t('dashboard.month')} testPrefix="month" />
        <h3>{t('dashboard.openOrders', { n: data.openOrderCount })}</h3>
        {data.openOrders.length === 0 ? <p>—</p> : (
          <ul className="figure-list" data-testid="dashboard-open-orders">
            {data.openOrders.map((o) => (
              <li key={o.id}>
                <a href={`#/work-orders/${o.id}`}>{t('workOrders.no', { id: o.id })}</a> {t(`workOrders.level.${o.level}`)} ·{' '}
                {o.calledBack ? t('dashboard.rectifyBy', { day: o.rectifyDue }) : t('dashboard.callbackBy', { day: o.callbackDue })}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="panel">
        <h2>{t('dashboard.uploadTitle')}</h2>
        <div className="figure-tiles">
          <Tile testId="fig-pending" label={t('dashboard.pending')} value={upload.pending} href="#/admin/sync" />
          <Tile testId="fig-oldest" label={t('dashboard.oldestPending')} value={upload.oldestPendingAt ? formatDateTime(upload.oldestPendingAt, language) : '—'} href="#/admin/sync" />
          <Tile testId="fig-last-success" label={t('dashboard.lastSuccess')} value={upload.lastSuccessAt ? formatDateTime(upload.lastSuccessAt, language) : '—'} href="#/admin/sync" />
        </div>
      </div>

      <div className="panel">
        <h2>{t('dashboard.agentsTitle')}</h2>
        {data.agents === null ? <p>{t('dashboard.agentsNone')}</p> : (
          <>
            <div className="figure-tiles">
              <Tile testId="fig-handover" label={t('dashboard.handoverOverdue')} value={data.agents.handoverOverdue} />
            </div>
            <ul className="figure-list">
              {data.agents.requestsByVillage.map((v) => <li key={v.village}>{v.name} <strong>{v.count}</strong></li>)}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
