// The catalogue as one xlsx sheet, one row per item. Column layout (header row 1, items from row 2):
// each header is "中文名 (key)" and only the key in brackets is read back, so columns may be moved.
// Scalars are plain cells (是/否 for yes/no); time limits are a value column and a unit column
// (working_days | days | months; both empty = no legal limit); steps, FAQ, special steps and materials
// are JSON cells holding exactly the contract's arrays; keywords are one cell of words split by 、.
import type ExcelJS from 'exceljs';

/** Loaded on first use: the package takes a second and a half to load, which every host start paid. */
const excel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
import type { FieldIssue } from '../../contract/api.js';
import type { Item } from '../../contract/catalog.js';
import type { RawRow } from './import-rows.js';

type Kind = 'text' | 'nullableText' | 'int' | 'bool' | 'json' | 'list';
interface Column {
  key: string;
  label: string;
  kind: Kind;
  get(item: Item): unknown;
}

const col = (key: string, label: string, kind: Kind, get: (item: Item) => unknown): Column => ({ key, label, kind, get });

export const COLUMNS: readonly Column[] = [
  col('code', '事项编码', 'text', (i) => i.code),
  col('implementationCode', '实施编码', 'text', (i) => i.implementationCode),
  col('name', '事项名称', 'text', (i) => i.name),
  col('keywords', '关键词及俗称', 'list', (i) => i.keywords),
  col('type', '事项类型', 'text', (i) => i.type),
  col('parentCode', '上级事项编码', 'nullableText', (i) => i.parentCode),
  col('handlingKind', '办理项类型', 'nullableText', (i) => i.handlingKind),
  col('department', '主管部门', 'text', (i) => i.department),
  col('implementingBody', '实施机关', 'text', (i) => i.implementingBody),
  col('legalBasis', '设定和实施依据', 'text', (i) => i.legalBasis),
  col('conditions', '受理条件', 'text', (i) => i.conditions),
  col('legalLimit.value', '法定办结时限', 'int', (i) => i.legalLimit?.value ?? null),
  col('legalLimit.unit', '法定时限单位', 'nullableText', (i) => i.legalLimit?.unit ?? null),
  col('promisedLimit.value', '承诺办结时限', 'int', (i) => i.promisedLimit.value),
  col('promisedLimit.unit', '承诺时限单位', 'text', (i) => i.promisedLimit.unit),
  col('steps', '办理流程', 'json', (i) => i.steps),
  col('fee.charged', '是否收费', 'bool', (i) => i.fee.charged),
  col('fee.standard', '收费标准', 'text', (i) => i.fee.standard),
  col('fee.basis', '收费依据', 'text', (i) => i.fee.basis),
  col('online', '是否网办', 'bool', (i) => i.online),
  col('visits', '到现场次数', 'int', (i) => i.visits),
  col('place', '办理地点', 'text', (i) => i.place),
  col('hours', '办理时间', 'text', (i) => i.hours),
  col('window', '办理窗口', 'text', (i) => i.window),
  col('consultPhone', '咨询电话', 'text', (i) => i.consultPhone),
  col('complaintPhone', '监督电话', 'text', (i) => i.complaintPhone),
  col('faq', '常见问题', 'json', (i) => i.faq),
  col('specialSteps', '特殊环节', 'json', (i) => i.specialSteps),
  col('handlingLevel', '办理层级', 'text', (i) => i.handlingLevel),
  col('materials', '申请材料', 'json', (i) => i.materials),
  col('active', '启用', 'bool', (i) => i.active),
  col('example', '示例数据', 'bool', (i) => i.example),
];

export const SHEET_NAME = '事项目录';

function toCell(kind: Kind, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (kind === 'bool') return value ? '是' : '否';
  if (kind === 'json') return JSON.stringify(value);
  if (kind === 'list') return (value as string[]).join('、');
  return value as string | number;
}

export async function itemsToXlsx(items: readonly Item[]): Promise<Buffer> {
  const book = new (await excel()).Workbook();
  const sheet = book.addWorksheet(SHEET_NAME);
  sheet.addRow(COLUMNS.map((c) => `${c.label} (${c.key})`));
  sheet.getRow(1).font = { bold: true };
  for (const item of items) sheet.addRow(COLUMNS.map((c) => toCell(c.kind, c.get(item))));
  // Text cells: Excel must not turn codes like 0105 into numbers when someone edits the sheet.
  COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.kind === 'json' || c.key === 'legalBasis' || c.key === 'conditions' ? 40 : 16;
    if (c.kind === 'text' || c.kind === 'nullableText') column.numFmt = '@';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return cellText(value.result as ExcelJS.CellValue);
  return String(value as unknown as string);
}

function readCell(column: Column, raw: string | number | boolean | null, issues: FieldIssue[]): unknown {
  const empty = raw === null || raw === '';
  switch (column.kind) {
    case 'text':
      if (empty) return '';
      // A type typed into Excel as 5 means '05'.
      if (column.key === 'type' && typeof raw === 'number') return String(raw).padStart(2, '0');
      return typeof raw === 'string' ? raw : String(raw);
    case 'nullableText':
      return empty ? null : String(raw);
    case 'int':
      // An empty legal limit is "none"; any other empty number is a missing one.
      if (empty) return column.key.startsWith('legalLimit') ? null : undefined;
      if (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)) return Number(raw);
      return raw;
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (raw === '是' || raw === 'true' || raw === 'TRUE' || raw === 1 || raw === '1') return true;
      if (raw === '否' || raw === 'false' || raw === 'FALSE' || raw === 0 || raw === '0') return false;
      return empty ? undefined : raw;
    case 'list':
      // Words as a person types them into a cell: 低保、社保 (or commas, semicolons, spaces).
      return empty ? [] : String(raw).split(/[、,，;；\s]+/).filter(Boolean);
    case 'json':
      if (empty) return [];
      try {
        return JSON.parse(String(raw));
      } catch {
        issues.push({ field: column.key, code: 'invalid_json' });
        return [];
      }
  }
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const [head, leaf] = key.split('.') as [string, string | undefined];
  if (!leaf) {
    if (value !== undefined) target[head] = value;
    return;
  }
  const inner = (target[head] ??= {}) as Record<string, unknown>;
  if (value !== undefined) inner[leaf] = value;
}

export type SheetRows = RawRow[] | { headerIssues: FieldIssue[] };

/** The sheet's rows as raw items for checkRows; a header it cannot read is reported as row 1.
 *  Runs in the import worker (xlsx-worker.ts), after the workbook's limits were checked. */
export async function xlsxToRows(data: Buffer): Promise<SheetRows> {
  const book = new (await excel()).Workbook();
  try {
    await book.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return { headerIssues: [{ field: 'data', code: 'not_xlsx' }] };
  }
  const sheet = book.getWorksheet(SHEET_NAME) ?? book.worksheets[0];
  if (!sheet) return { headerIssues: [{ field: 'data', code: 'not_xlsx' }] };
  const byIndex = new Map<number, Column>();
  sheet.getRow(1).eachCell((cell, index) => {
    const key = /\(([A-Za-z.]+)\)\s*$/.exec(String(cellText(cell.value) ?? ''))?.[1];
    const column = COLUMNS.find((c) => c.key === key);
    if (column) byIndex.set(index, column);
  });
  const missing = COLUMNS.filter((c) => ![...byIndex.values()].includes(c) && ['code', 'name'].includes(c.key));
  if (missing.length) return { headerIssues: missing.map((c) => ({ field: c.key, code: 'missing_column' })) };
  const rows: RawRow[] = [];
  // The rows the sheet has, never 2..rowCount: one row numbered 1048576 must not mean a million.
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    const value: Record<string, unknown> = {};
    const issues: FieldIssue[] = [];
    for (const [index, column] of byIndex) setPath(value, column.key, readCell(column, cellText(row.getCell(index).value), issues));
    // Both legal-limit cells empty: the item has no legal limit.
    const legal = value.legalLimit as { value?: unknown; unit?: unknown } | undefined;
    if (legal && legal.value === null && legal.unit === null) value.legalLimit = null;
    rows.push({ row: r, value, issues });
  });
  return rows;
}
