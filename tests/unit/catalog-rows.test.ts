// Import rows are checked whole before anything is written; every problem names its row and field.
import { describe, expect, it } from 'vitest';
import { checkRows, jsonRows } from '../../electron/hall/catalog/import-rows.js';
import { itemsToXlsx, xlsxToRows } from '../../electron/hall/catalog/xlsx-sheet.js';
import { Item, type ItemInput } from '../../electron/contract/catalog.js';

const item = (n: number, extra: Partial<ItemInput> = {}): ItemInput => ({
  code: `20000${String(n).padStart(5, '0')}`,
  name: `示例事项${n}`,
  type: '20',
  department: '县民政局',
  implementingBody: '安峰镇人民政府',
  promisedLimit: { value: 5, unit: 'working_days' },
  visits: 1,
  handlingLevel: 'town',
  materials: [{ name: '居民身份证', requirement: 'required', originals: 1, copies: 1, electronic: true, source: 'government' }],
  ...extra,
});

describe('checkRows (JSON)', () => {
  it('accepts good rows and fills the defaults', () => {
    const result = checkRows(jsonRows([item(1), item(2)]));
    expect(result.ok && result.items.map((i) => i.code)).toEqual(['2000000001', '2000000002']);
    expect(result.ok && result.items[0]!.fee).toEqual({ charged: false, standard: '', basis: '' });
  });

  it('reports the row number and field of each broken row', () => {
    const rows = Array.from({ length: 9 }, (_, i) => item(i + 1));
    rows[6] = item(7, { name: '' });
    rows[8] = item(9, { materials: [{ name: '委托书', requirement: 'conditional', originals: 1, copies: 0, electronic: false, source: 'applicant' }] });
    const result = checkRows(jsonRows(rows));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 7, field: 'name', code: 'too_short' },
      { row: 9, field: 'materials.0.condition', code: 'condition_required' },
    ]);
  });

  it('reports a code that repeats an earlier row', () => {
    const result = checkRows(jsonRows([item(1), item(2), item(1)]));
    expect(!result.ok && result.issues).toEqual([{ row: 3, field: 'code', code: 'duplicate_row', params: { row: 1 } }]);
  });

  it('rejects a promised limit longer than the legal one in the same unit', () => {
    const result = checkRows(jsonRows([item(1, { legalLimit: { value: 3, unit: 'working_days' } })]));
    expect(!result.ok && result.issues[0]).toMatchObject({ row: 1, field: 'promisedLimit', code: 'promised_over_legal' });
  });
});

describe('xlsx rows', () => {
  it('reads back exactly what it wrote', async () => {
    const items = [Item.parse(item(1, { keywords: ['低保', '吃低保'], legalLimit: { value: 20, unit: 'working_days' }, faq: [{ q: '问', a: '答' }] })), Item.parse(item(2, { parentCode: '2000000001', handlingKind: 'change' }))];
    const rows = await xlsxToRows(await itemsToXlsx(items));
    expect(Array.isArray(rows)).toBe(true);
    const checked = checkRows(rows as never);
    expect(checked.ok && checked.items).toEqual(items);
    expect((rows as Array<{ row: number }>).map((r) => r.row)).toEqual([2, 3]);
  });

  it('reads keywords typed into a cell with 、, commas, semicolons or spaces', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await itemsToXlsx([Item.parse(item(1, { keywords: ['低保'] })), Item.parse(item(2))])) as never);
    const sheet = book.worksheets[0]!;
    const keywordsColumn = (sheet.getRow(1).values as string[]).findIndex((v) => typeof v === 'string' && v.endsWith('(keywords)'));
    expect(sheet.getRow(2).getCell(keywordsColumn).value).toBe('低保');
    sheet.getRow(3).getCell(keywordsColumn).value = '社保，医保; 养老金  户口、';
    const checked = checkRows((await xlsxToRows(Buffer.from(await book.xlsx.writeBuffer()))) as never);
    expect(checked.ok && checked.items.map((i) => i.keywords)).toEqual([['低保'], ['社保', '医保', '养老金', '户口']]);
  });

  it('names a cell of broken JSON by its sheet row', async () => {
    const items = [Item.parse(item(1)), Item.parse(item(2))];
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await itemsToXlsx(items)) as never);
    const sheet = book.worksheets[0]!;
    const materialsColumn = (sheet.getRow(1).values as string[]).findIndex((v) => typeof v === 'string' && v.endsWith('(materials)'));
    sheet.getRow(3).getCell(materialsColumn).value = '[{"name": ';
    const rows = await xlsxToRows(Buffer.from(await book.xlsx.writeBuffer()));
    const checked = checkRows(rows as never);
    expect(!checked.ok && checked.issues).toEqual([{ row: 3, field: 'materials', code: 'invalid_json' }]);
  });
});
