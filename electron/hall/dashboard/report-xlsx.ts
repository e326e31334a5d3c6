// The satisfaction and queue report as an xlsx file (exceljs): the same figures the report screen
// shows, labelled in the caller's language. It carries staff names and counts, never a citizen's data.
import type ExcelJS from 'exceljs';

/** Loaded on first use: the package takes a second and a half to load, which every host start paid. */
const excel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
import type { RatingGroup, RatingReport } from '../../contract/dashboard.js';
import { reportKind, type CaseGroup, type QueueReport, type SummaryReport } from '../../contract/reports.js';
import { translator, type Language } from '../http/i18n.js';

type Cell = string | number | null;

/** Shares as numbers formatted as percentages; a missing figure as "—", never 0. */
function addRows(sheet: ExcelJS.Worksheet, header: string[], rows: Cell[][], percentColumns: number[] = []): void {
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (v === null ? '—' : v)));
  for (const c of percentColumns) sheet.getColumn(c).numFmt = '0.0%';
  sheet.columns.forEach((col) => (col.width = 18));
  sheet.getColumn(1).width = 28;
}

/** "2026-03-20 14:00" in the hall's zone. */
export function hallMinute(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export async function reportToXlsx(lang: Language, timeZone: string, ratings: RatingReport, queue: QueueReport, summary: SummaryReport): Promise<Buffer> {
  const t = translator(lang);
  const book = new (await excel()).Workbook();
  const r = ratings.totals;
  const indicators = book.addWorksheet(t('reports.sheet.indicators'));
  // The heading a printed report carries: whose hall, which report, which days, when it was made.
  indicators.addRow([`${summary.hallName} ${t(`reports.kind.${reportKind(summary.from, summary.to)}`)}`]).font = { bold: true, size: 14 };
  indicators.addRow([t('reports.period', { from: ratings.from, to: ratings.to })]);
  indicators.addRow([t('reports.generatedAt', { at: hallMinute(summary.generatedAt, timeZone) })]);
  addRows(
    indicators,
    [t('reports.col.indicator'), t('reports.col.value'), t('reports.col.numerator'), t('reports.col.denominator')],
    [
      [t('dashboard.ratedShare'), r.ratedShare, r.servicesRated, r.servicesFinished],
      [t('dashboard.satisfiedShare'), r.satisfiedShare, r.satisfied, r.ratings],
      [t('dashboard.bad'), r.bad, null, null],
      [t('dashboard.rectifiedShare'), r.rectifiedShare, r.ordersClosed, r.ordersDue],
      [t('dashboard.calledBackShare'), r.calledBackShare, r.realNameCalledBack, r.realNameBad],
    ],
  );
  // Only the share rows are percentages; the 差评 count stays a count.
  for (const row of [5, 6, 8, 9]) indicators.getCell(row, 2).numFmt = '0.0%';
  const s = summary.caseTotals;
  addRows(
    book.addWorksheet(t('reports.sheet.days')),
    [t('reports.col.day'), t('reports.col.issued'), t('dashboard.served'), t('dashboard.noShow'), t('dashboard.avgWait'), t('reports.col.received'), t('reports.col.accepted'), t('reports.col.concluded'), t('reports.col.ratings'), t('dashboard.bad'), t('dashboard.satisfiedShare')],
    [
      ...summary.days.map((d) => [d.businessDay, d.issued, d.served, d.noShow, d.avgWaitMinutes, d.received, d.accepted, d.concluded, d.ratings, d.bad, d.satisfiedShare]),
      [t('reports.total'), queue.totals.issued, queue.totals.served, queue.totals.noShow, queue.totals.avgWaitMinutes, s.received, s.accepted, s.concluded, r.ratings, r.bad, r.satisfiedShare],
    ],
    [11],
  );
  const caseGroups = (name: string, keyLabel: string, rows: CaseGroup[]) =>
    addRows(
      book.addWorksheet(name),
      [keyLabel, t('reports.col.received'), t('reports.col.accepted'), t('reports.col.concluded'), t('reports.col.onTime'), t('reports.col.onTimeShare'), t('reports.col.caseRatings'), t('dashboard.satisfiedShare')],
      [
        ...rows.map((g) => [g.label ?? g.key ?? t('reports.noVillage'), g.received, g.accepted, g.concluded, g.concludedOnTime, g.onTimeShare, g.ratings, g.satisfiedShare]),
        [t('reports.total'), s.received, s.accepted, s.concluded, s.concludedOnTime, s.onTimeShare, s.ratings, s.satisfiedShare],
      ],
      [6, 8],
    );
  caseGroups(t('reports.sheet.byItem'), t('reports.col.item'), summary.byItem);
  caseGroups(t('reports.sheet.byVillage'), t('reports.col.village'), summary.byVillage);
  const groups = (name: string, keyLabel: string, rows: RatingGroup[]) =>
    addRows(
      book.addWorksheet(name),
      [keyLabel, t('reports.col.ratings'), t('reports.col.satisfied'), t('dashboard.bad'), t('dashboard.satisfiedShare')],
      rows.map((g) => [g.label ?? g.key ?? '—', g.ratings, g.satisfied, g.bad, g.satisfiedShare]),
      [5],
    );
  groups(t('reports.sheet.byWindow'), t('reports.col.window'), ratings.byWindow);
  groups(t('reports.sheet.byClerk'), t('reports.col.clerk'), ratings.byClerk);
  groups(t('reports.sheet.byChannel'), t('reports.col.channel'), ratings.byChannel.map((g) => ({ ...g, label: t(`reports.channel.${g.key}`) })));
  const queueHeader = [t('reports.col.issued'), t('dashboard.served'), t('dashboard.noShow'), t('dashboard.avgWait'), t('dashboard.avgService')];
  addRows(
    book.addWorksheet(t('reports.sheet.byCategory')),
    [t('reports.col.category'), ...queueHeader],
    queue.categories.map((c) => [c.categoryName, c.issued, c.served, c.noShow, c.avgWaitMinutes, c.avgServiceMinutes]),
  );
  addRows(
    book.addWorksheet(t('reports.sheet.byDay')),
    [t('reports.col.day'), t('reports.col.category'), ...queueHeader],
    queue.days.map((d) => [d.businessDay, d.categoryName, d.issued, d.served, d.noShow, d.avgWaitMinutes, d.avgServiceMinutes]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
