// 统计报表: the satisfaction indicators and the ratings by window, staff and channel, and the queue by
// category and day, for a chosen range of business days; printed on A4 or exported to xlsx.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useT } from '../../shared/use-t';
import { RatingReport, type RatingGroup } from '../../../electron/contract/dashboard.js';
import { QueueReport } from '../../../electron/contract/reports.js';
import { useStaff } from '../staff-context';
import { minutes, percent } from './use-dashboard';
import './reports.css';

/** Today in the hall (the browser runs in the hall's zone), and the first of its month. */
function todayLocal(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function GroupTable({ title, keyLabel, rows, label, testId }: { title: string; keyLabel: string; rows: RatingGroup[]; label: (g: RatingGroup) => string; testId: string }) {
  const { t } = useT();
  return (
    <div className="report-block" data-testid={testId}>
      <h2>{title}</h2>
      {rows.length === 0 ? <p>—</p> : (
        <table className="report-table">
          <thead><tr><th>{keyLabel}</th><th>{t('reports.col.ratings')}</th><th>{t('reports.col.satisfied')}</th><th>{t('dashboard.bad')}</th><th>{t('dashboard.satisfiedShare')}</th></tr></thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.key ?? '-'}><td>{label(g)}</td><td>{g.ratings}</td><td>{g.satisfied}</td><td>{g.bad}</td><td>{percent(g.satisfiedShare)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export default function ReportsScreen() {
  const { t } = useT();
  const { api } = useStaff();
  const today = todayLocal();
  const [range, setRange] = useState({ from: `${today.slice(0, 8)}01`, to: today });
  const [shown, setShown] = useState(range);
  const [data, setData] = useState<{ ratings: RatingReport; queue: QueueReport } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const query = useMemo(() => `from=${shown.from}&to=${shown.to}`, [shown]);
  useEffect(() => {
    let live = true;
    setData(null);
    Promise.all([api.request('GET', `/reports/ratings?${query}`, { schema: RatingReport }), api.request('GET', `/reports/queue?${query}`, { schema: QueueReport })]).then(
      ([ratings, queue]) => live && (setData({ ratings, queue }), setFailed(null)),
      (err: Error) => live && setFailed(err.message || t('reports.failed')),
    );
    return () => {
      live = false;
    };
  }, [api, query, t]);
  const exportXlsx = useCallback(async () => {
    const blob = await api.download(`/reports/ratings.xlsx?${query}`);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `report-${shown.from}-${shown.to}.xlsx`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, [api, query, shown]);
  const r = data?.ratings.totals;
  const min = t('dashboard.min');

  return (
    <section className="reports" data-testid="reports">
      <h1>{t('reports.title')}</h1>
      <form className="report-range no-print" onSubmit={(e) => { e.preventDefault(); setShown(range); }}>
        <label>{t('reports.from')} <input type="date" value={range.from} max={range.to} required onChange={(e) => setRange({ ...range, from: e.target.value })} data-testid="report-from" /></label>
        <label>{t('reports.to')} <input type="date" value={range.to} min={range.from} required onChange={(e) => setRange({ ...range, to: e.target.value })} data-testid="report-to" /></label>
        <button type="submit" data-testid="report-show">{t('reports.show')}</button>
        <button type="button" className="secondary" onClick={() => { const d = { from: today, to: today }; setRange(d); setShown(d); }}>{t('reports.today')}</button>
        <button type="button" className="secondary" onClick={() => window.print()}>{t('reports.print')}</button>
        <button type="button" className="secondary" onClick={() => void exportXlsx()} data-testid="report-export">{t('reports.export')}</button>
      </form>
      <p className="report-period">{t('reports.period', shown)}</p>
      {failed ? <p role="alert">{failed}</p> : null}
      {!data || !r ? (
        failed ? null : <p role="status">{t('reports.busy')}</p>
      ) : (
        <>
          <div className="report-block">
            <h2>{t('reports.sheet.indicators')}</h2>
            <table className="report-table" data-testid="report-indicators">
              <thead><tr><th>{t('reports.col.indicator')}</th><th>{t('reports.col.value')}</th><th>{t('reports.col.numerator')}</th><th>{t('reports.col.denominator')}</th></tr></thead>
              <tbody>
                <tr data-testid="report-rated"><td>{t('dashboard.ratedShare')}</td><td>{percent(r.ratedShare)}</td><td>{r.servicesRated}</td><td>{r.servicesFinished}</td></tr>
                <tr data-testid="report-satisfied"><td>{t('dashboard.satisfiedShare')}</td><td>{percent(r.satisfiedShare)}</td><td>{r.satisfied}</td><td>{r.ratings}</td></tr>
                <tr data-testid="report-bad"><td>{t('dashboard.bad')}</td><td>{r.bad}</td><td>—</td><td>—</td></tr>
                <tr data-testid="report-rectified"><td>{t('dashboard.rectifiedShare')}</td><td>{percent(r.rectifiedShare)}</td><td>{r.ordersClosed}</td><td>{r.ordersDue}</td></tr>
                <tr data-testid="report-calledback"><td>{t('dashboard.calledBackShare')}</td><td>{percent(r.calledBackShare)}</td><td>{r.realNameCalledBack}</td><td>{r.realNameBad}</td></tr>
              </tbody>
            </table>
          </div>
          <GroupTable title={t('reports.sheet.byWindow')} keyLabel={t('reports.col.window')} rows={data.ratings.byWindow} label={(g) => g.label ?? '—'} testId="report-by-window" />
          <GroupTable title={t('reports.sheet.byClerk')} keyLabel={t('reports.col.clerk')} rows={data.ratings.byClerk} label={(g) => g.label ?? '—'} testId="report-by-clerk" />
          <GroupTable title={t('reports.sheet.byChannel')} keyLabel={t('reports.col.channel')} rows={data.ratings.byChannel} label={(g) => t(`reports.channel.${g.key}`)} testId="report-by-channel" />
          <div className="report-block">
            <h2>{t('reports.sheet.byCategory')}</h2>
            {data.queue.categories.length === 0 ? <p>—</p> : (
              <table className="report-table">
                <thead><tr><th>{t('reports.col.category')}</th><th>{t('reports.col.issued')}</th><th>{t('dashboard.served')}</th><th>{t('dashboard.noShow')}</th><th>{t('dashboard.avgWait')}</th><th>{t('dashboard.avgService')}</th></tr></thead>
                <tbody>
                  {data.queue.categories.map((c) => (
                    <tr key={c.categoryCode}><td>{c.categoryName}</td><td>{c.issued}</td><td>{c.served}</td><td>{c.noShow}</td><td>{minutes(c.avgWaitMinutes, min)}</td><td>{minutes(c.avgServiceMinutes, min)}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </section>
  );
}
