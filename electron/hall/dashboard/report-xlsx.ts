// The satisfaction and queue report as an xlsx file (exceljs): the same figures the report screen
// shows, labelled in the caller's language. It carries staff names and counts, never a citizen's data.
import type ExcelJS from 'exceljs';

/** Loaded on first use: the package takes a second and a half to load, which every host start paid. */
const excel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
import type { RatingGroup, RatingReport } from '../../contract/dashboard.js';
import type { QueueReport } from '../../contract/reports.js';
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

export async function reportToXlsx(lang: Language, ratings: RatingReport, queue: QueueReport): Promise<Buffer> {
  const t = translator(lang);
  const book = new (await excel()).Workbook();
  const r = ratings.totals;
  const indicators = book.addWorksheet(t('reports.sheet.indicators'));
  indicators.addRow([t('reports.period', { from: ratings.from, to: ratings.to })]);
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
  for (const row of [3, 4, 6, 7]) indicators.getCell(row, 2).numFmt = '0.0%';
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
