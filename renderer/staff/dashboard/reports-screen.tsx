// 统计报表: 日报 (one day), 月报 (one row per day of a month) or a chosen range — the satisfaction
// indicators, every day, the queue by category, cases by item and village, ratings by window, staff and
// channel. Printed on A4 with the hall's name, the period, when it was made and page numbers, or
// exported to xlsx (the same figures).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { RatingReport } from '../../../electron/contract/dashboard.js';
import { QueueReport, reportKind, SummaryReport } from '../../../electron/contract/reports.js';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/use-t';
import { useStaff } from '../staff-context';
import { monthRange, todayLocal, type ReportPick, type ReportRange } from './report-range';
import { CaseGroupTable, DaysTable, QueueCategoryTable, RatingGroupTable } from './report-tables';
import { percent } from './use-dashboard';
import './reports.css';

interface Reports {
  ratings: RatingReport;
  queue: QueueReport;
  summary: SummaryReport;
}

const PICKS: readonly ReportPick[] = ['day', 'month', 'range'];

function RangePicker({ today, onShow }: { today: string; onShow: (range: ReportRange) => void }) {
  const { t } = useT();
  const [pick, setPick] = useState<ReportPick>('month');
  const [day, setDay] = useState(today);
  const [month, setMonth] = useState(today.slice(0, 7));
  const [range, setRange] = useState({ from: `${today.slice(0, 8)}01`, to: today });
  const chosen = pick === 'day' ? { from: day, to: day } : pick === 'month' ? monthRange(month, today) : range;
  return (
    <form className="report-range no-print" onSubmit={(e) => { e.preventDefault(); onShow(chosen); }}>
      <div className="report-picks" role="radiogroup" aria-label={t('reports.title')}>
        {PICKS.map((p) => (
          <label key={p} className={pick === p ? 'report-pick active' : 'report-pick'}>
            <input type="radio" name="report-pick" value={p} checked={pick === p} onChange={() => setPick(p)} data-testid={`report-pick-${p}`} /> {t(`reports.pick.${p}`)}
          </label>
        ))}
      </div>
      {pick === 'day' ? (
        <label>{t('reports.day')} <input type="date" value={day} max={today} required onChange={(e) => setDay(e.target.value)} data-testid="report-day" /></label>
      ) : pick === 'month' ? (
        <label>{t('reports.month')} <input type="month" value={month} max={today.slice(0, 7)} required onChange={(e) => setMonth(e.target.value)} data-testid="report-month" /></label>
      ) : (
        <>
          <label>{t('reports.from')} <input type="date" value={range.from} max={range.to} required onChange={(e) => setRange({ ...range, from: e.target.value })} data-testid="report-from" /></label>
          <label>{t('reports.to')} <input type="date" value={range.to} min={range.from} required onChange={(e) => setRange({ ...range, to: e.target.value })} data-testid="report-to" /></label>
        </>
      )}
      <button type="submit" data-testid="report-show">{t('reports.show')}</button>
      <button type="button" className="secondary" onClick={() => { setPick('day'); setDay(today); onShow({ from: today, to: today }); }}>{t('reports.today')}</button>
    </form>
  );
}

export default function ReportsScreen() {
  const { t, language } = useT();
  const { api } = useStaff();
  const today = todayLocal();
  const [shown, setShown] = useState<ReportRange>(() => monthRange(today.slice(0, 7), today));
  const [data, setData] = useState<Reports | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const query = useMemo(() => `from=${shown.from}&to=${shown.to}`, [shown]);
  useEffect(() => {
    let live = true;
    setData(null);
    Promise.all([
      api.request('GET', `/reports/ratings?${query}`, { schema: RatingReport }),
      api.request('GET', `/reports/queue?${query}`, { schema: QueueReport }),
      api.request('GET', `/reports/summary?${query}`, { schema: SummaryReport }),
    ]).then(
      ([ratings, queue, summary]) => live && (setData({ ratings, queue, summary }), setFailed(null)),
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
  const kind = reportKind(shown.from, shown.to);
  const r = data?.ratings.totals;

  return (
    <section className="reports" data-testid="reports" data-kind={kind}>
      <div className="screen-title no-print">
        <h1>{t('reports.title')}</h1>
        <div className="report-actions">
          <button type="button" className="secondary" disabled={!data} onClick={() => window.print()} data-testid="report-print">{t('reports.print')}</button>
          <button type="button" className="secondary" disabled={!data} onClick={() => void exportXlsx()} data-testid="report-export">{t('reports.export')}</button>
        </div>
      </div>
      <RangePicker today={today} onShow={setShown} />
      {failed ? <p role="alert">{failed}</p> : null}
      {!data || !r ? (
        failed ? null : <p role="status">{t('reports.busy')}</p>
      ) : (
        <>
          <header className="report-heading" data-testid="report-heading">
            <h2>{data.summary.hallName} {t(`reports.kind.${kind}`)}</h2>
            <p>{t('reports.period', { ...shown })}</p>
            <p>{t('reports.generatedAt', { at: formatDateTime(data.summary.generatedAt, language) })}</p>
          </header>
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
                <tr data-testid="report-ontime"><td>{t('reports.col.onTimeShare')}</td><td>{percent(data.summary.caseTotals.onTimeShare)}</td><td>{data.summary.caseTotals.concludedOnTime}</td><td>{data.summary.caseTotals.concluded}</td></tr>
              </tbody>
            </table>
          </div>
          {kind === 'day' ? null : <DaysTable days={data.summary.days} queue={data.queue.totals} caseTotals={data.summary.caseTotals} ratings={r} />}
          <QueueCategoryTable queue={data.queue} />
          <CaseGroupTable title={t('reports.sheet.byItem')} keyLabel={t('reports.col.item')} rows={data.summary.byItem} totals={data.summary.caseTotals} label={(g) => g.label ?? g.key ?? '—'} testId="report-by-item" />
          <CaseGroupTable title={t('reports.sheet.byVillage')} keyLabel={t('reports.col.village')} rows={data.summary.byVillage} totals={data.summary.caseTotals} label={(g) => g.label ?? g.key ?? t('reports.noVillage')} testId="report-by-village" />
          <RatingGroupTable title={t('reports.sheet.byWindow')} keyLabel={t('reports.col.window')} rows={data.ratings.byWindow} label={(g) => g.label ?? '—'} testId="report-by-window" />
          <RatingGroupTable title={t('reports.sheet.byClerk')} keyLabel={t('reports.col.clerk')} rows={data.ratings.byClerk} label={(g) => g.label ?? '—'} testId="report-by-clerk" />
          <RatingGroupTable title={t('reports.sheet.byChannel')} keyLabel={t('reports.col.channel')} rows={data.ratings.byChannel} label={(g) => t(`reports.channel.${g.key}`)} testId="report-by-channel" />
        </>
      )}
    </section>
  );
}
