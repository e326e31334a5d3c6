// The tables of 统计报表: ratings by window, staff or channel; cases by item or village; every day of a
// month or range with its total row; the queue by category. Figures as the host computed them.
import type { ReactNode } from 'react';
import type { RatingGroup } from '../../../electron/contract/dashboard.js';
import type { CaseGroup, CaseTotals, QueueReport, QueueReportTotals, SummaryDay } from '../../../electron/contract/reports.js';
import { useT } from '../../shared/use-t';
import { minutes, percent } from './use-dashboard';

function Block({ title, testId, help, children }: { title: string; testId: string; help?: string; children: ReactNode }) {
  return (
    <div className="report-block" data-testid={testId}>
      <h2>{title}</h2>
      {help ? <p className="report-help">{help}</p> : null}
      {children}
    </div>
  );
}

export function RatingGroupTable({ title, keyLabel, rows, label, testId }: { title: string; keyLabel: string; rows: RatingGroup[]; label: (g: RatingGroup) => string; testId: string }) {
  const { t } = useT();
  return (
    <Block title={title} testId={testId}>
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
    </Block>
  );
}

function caseCells(g: CaseTotals) {
  return (
    <>
      <td>{g.received}</td><td>{g.accepted}</td><td>{g.concluded}</td><td>{g.concludedOnTime}</td><td>{percent(g.onTimeShare)}</td><td>{g.ratings}</td><td>{percent(g.satisfiedShare)}</td>
    </>
  );
}

export function CaseGroupTable({ title, keyLabel, rows, totals, label, testId }: { title: string; keyLabel: string; rows: CaseGroup[]; totals: CaseTotals; label: (g: CaseGroup) => string; testId: string }) {
  const { t } = useT();
  return (
    <Block title={title} testId={testId} help={t('reports.itemHelp')}>
      {rows.length === 0 ? <p>—</p> : (
        <table className="report-table">
          <thead>
            <tr>
              <th>{keyLabel}</th><th>{t('reports.col.received')}</th><th>{t('reports.col.accepted')}</th><th>{t('reports.col.concluded')}</th>
              <th>{t('reports.col.onTime')}</th><th>{t('reports.col.onTimeShare')}</th><th>{t('reports.col.caseRatings')}</th><th>{t('dashboard.satisfiedShare')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => <tr key={g.key ?? '-'}><td>{label(g)}</td>{caseCells(g)}</tr>)}
          </tbody>
          <tfoot><tr className="report-total"><td>{t('reports.total')}</td>{caseCells(totals)}</tr></tfoot>
        </table>
      )}
    </Block>
  );
}

/** One row per day, and the whole period's total underneath (the month report's layout). */
export function DaysTable({ days, queue, caseTotals, ratings }: { days: SummaryDay[]; queue: QueueReportTotals; caseTotals: CaseTotals; ratings: { ratings: number; bad: number; satisfiedShare: number | null } }) {
  const { t } = useT();
  const min = t('dashboard.min');
  const row = (key: string, label: string, d: Pick<SummaryDay, 'issued' | 'served' | 'noShow' | 'avgWaitMinutes' | 'received' | 'accepted' | 'concluded' | 'ratings' | 'bad' | 'satisfiedShare'>, testId?: string) => (
    <tr key={key} data-testid={testId}>
      <td>{label}</td><td>{d.issued}</td><td>{d.served}</td><td>{d.noShow}</td><td>{minutes(d.avgWaitMinutes, min)}</td>
      <td>{d.received}</td><td>{d.accepted}</td><td>{d.concluded}</td><td>{d.ratings}</td><td>{d.bad}</td><td>{percent(d.satisfiedShare)}</td>
    </tr>
  );
  return (
    <Block title={t('reports.sheet.days')} testId="report-days" help={t('reports.byDayHelp')}>
      <table className="report-table report-days">
        <thead>
          <tr>
            <th>{t('reports.col.day')}</th><th>{t('reports.col.issued')}</th><th>{t('dashboard.served')}</th><th>{t('dashboard.noShow')}</th><th>{t('dashboard.avgWait')}</th>
            <th>{t('reports.col.received')}</th><th>{t('reports.col.accepted')}</th><th>{t('reports.col.concluded')}</th><th>{t('reports.col.ratings')}</th><th>{t('dashboard.bad')}</th><th>{t('dashboard.satisfiedShare')}</th>
          </tr>
        </thead>
        <tbody>{days.map((d) => row(d.businessDay, d.businessDay.slice(5), d))}</tbody>
        <tfoot>{row('total', t('reports.total'), { ...queue, ...caseTotals, ...ratings }, 'report-days-total')}</tfoot>
      </table>
    </Block>
  );
}

export function QueueCategoryTable({ queue }: { queue: QueueReport }) {
  const { t } = useT();
  const min = t('dashboard.min');
  const cells = (c: QueueReportTotals) => (
    <><td>{c.issued}</td><td>{c.served}</td><td>{c.noShow}</td><td>{minutes(c.avgWaitMinutes, min)}</td><td>{minutes(c.avgServiceMinutes, min)}</td></>
  );
  return (
    <Block title={t('reports.sheet.byCategory')} testId="report-by-category">
      {queue.categories.length === 0 ? <p>—</p> : (
        <table className="report-table">
          <thead><tr><th>{t('reports.col.category')}</th><th>{t('reports.col.issued')}</th><th>{t('dashboard.served')}</th><th>{t('dashboard.noShow')}</th><th>{t('dashboard.avgWait')}</th><th>{t('dashboard.avgService')}</th></tr></thead>
          <tbody>{queue.categories.map((c) => <tr key={c.categoryCode}><td>{c.categoryName}</td>{cells(c)}</tr>)}</tbody>
          <tfoot><tr className="report-total"><td>{t('reports.total')}</td>{cells(queue.totals)}</tr></tfoot>
        </table>
      )}
    </Block>
  );
}
