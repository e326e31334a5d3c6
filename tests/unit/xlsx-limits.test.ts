// The zip directory reader and the workbook checks that run before exceljs: each limit refuses with
// its own code, an honest workbook passes, and a part that unpacks past its declared size is caught.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkWorkbook, countWork, IMPORT_LIMITS, inflateEntry, rangeCells } from '../../electron/hall/catalog/import-limits.js';
import { itemsToXlsx } from '../../electron/hall/catalog/xlsx-sheet.js';
import { readZipDirectory } from '../../electron/hall/catalog/zip-directory.js';
import { part, rowXml, workbook, zip, type ZipPart } from '../integration/support/zip-writer.js';

const limits = IMPORT_LIMITS;
const zeros = (n: number): ZipPart => ({ ...part('xl/worksheets/sheet1.xml', Buffer.alloc(n)) });

describe('readZipDirectory', () => {
  it('reads the entries of a workbook exceljs wrote, and of one built here', async () => {
    const exported = await itemsToXlsx([]);
    const dir = readZipDirectory(exported, limits);
    expect(dir.ok && dir.entries.length).toBeGreaterThan(5);
    const built = readZipDirectory(workbook(rowXml(1, ['a'])), limits);
    expect(built.ok && built.entries.map((e) => e.method)).toEqual([8, 8, 8, 8, 8]);
  });

  it('refuses what is not a zip, or a zip it would have to guess at', () => {
    const good = workbook(rowXml(1, ['a']));
    expect(readZipDirectory(Buffer.from('hello'), limits)).toEqual({ ok: false, refusal: { code: 'not_xlsx' } });
    expect(readZipDirectory(good.subarray(0, good.length - 30), limits)).toMatchObject({ ok: false, refusal: { code: 'not_xlsx' } });
    // Bytes before the zip: JSZip would shift every offset, this reader does not guess.
    expect(readZipDirectory(Buffer.concat([Buffer.from('junk'), good]), limits)).toMatchObject({ ok: false, refusal: { code: 'not_xlsx' } });
  });

  it('refuses ZIP64, encryption, too many entries', () => {
    const p = part('a.xml', '<a/>');
    expect(readZipDirectory(zip([{ ...p, zip64Extra: true }]), limits)).toEqual({ ok: false, refusal: { code: 'xlsx_zip64' } });
    expect(readZipDirectory(zip([{ ...p, declaredSize: 0xffffffff }]), limits)).toEqual({ ok: false, refusal: { code: 'xlsx_zip64' } });
    expect(readZipDirectory(zip([{ ...p, flags: 1 }]), limits)).toEqual({ ok: false, refusal: { code: 'xlsx_encrypted' } });
    const many = Array.from({ length: limits.maxEntries + 1 }, (_, i) => part(`p${i}.xml`, '<a/>'));
    expect(readZipDirectory(zip(many), limits)).toEqual({ ok: false, refusal: { code: 'xlsx_too_many_entries', params: { max: 100 } } });
    expect(readZipDirectory(zip(many.slice(0, limits.maxEntries)), limits).ok).toBe(true);
  });

  it('refuses a declared total over the limit and a compression ratio over the limit', () => {
    const big = zeros(1024);
    expect(readZipDirectory(zip([{ ...big, declaredSize: limits.maxUnzippedBytes + 1 }]), limits)).toEqual({ ok: false, refusal: { code: 'xlsx_unzipped_too_large', params: { maxMb: 20 } } });
    // Two parts, each under the limit, together over it (the ratio limit lifted to see the total's).
    const half = { ...big, declaredSize: limits.maxUnzippedBytes / 2 + 1 };
    expect(readZipDirectory(zip([half]), { ...limits, maxRatio: 1e9 }).ok).toBe(true);
    expect(readZipDirectory(zip([half, { ...half, name: 'b.xml' }]), { ...limits, maxRatio: 1e9 })).toMatchObject({ ok: false, refusal: { code: 'xlsx_unzipped_too_large' } });
    // 1 MB of zeros deflates to about 1 KB: a ratio near 1,000.
    const dense = zeros(1024 * 1024);
    expect(readZipDirectory(zip([dense]), limits)).toEqual({ ok: false, refusal: { code: 'xlsx_ratio_too_high', params: { max: 100 } } });
    // Below the floor a high ratio is harmless (styles and empty parts compress well).
    expect(readZipDirectory(zip([zeros(200 * 1024)]), limits).ok).toBe(true);
  });
});

describe('inflateEntry', () => {
  const entryOf = (p: ZipPart) => {
    const buf = zip([p]);
    const dir = readZipDirectory(buf, limits);
    if (!dir.ok) throw new Error(dir.refusal.code);
    return { buf, entry: dir.entries[0]! };
  };

  it('gives the declared bytes back', () => {
    const { buf, entry } = entryOf(part('a.xml', '<row r="1"/>'));
    expect(inflateEntry(buf, entry)).toEqual(Buffer.from('<row r="1"/>'));
  });

  it('stops at the declared size when the data holds more, and refuses a short one too', () => {
    const real = Buffer.alloc(100_000, 0x41);
    const lying = entryOf({ ...part('a.xml', real), declaredSize: 1000 });
    expect(inflateEntry(lying.buf, lying.entry)).toEqual({ code: 'xlsx_size_mismatch' });
    const short = entryOf({ ...part('a.xml', real), declaredSize: 200_000 });
    expect(inflateEntry(short.buf, short.entry)).toEqual({ code: 'xlsx_size_mismatch' });
    const stored = entryOf({ name: 'a.xml', stored: real, size: real.length, crc: 0, method: 0, declaredSize: 10 });
    expect(inflateEntry(stored.buf, stored.entry)).toEqual({ code: 'xlsx_size_mismatch' });
    const broken = entryOf({ name: 'a.xml', stored: Buffer.from('not deflate data at all'), size: 10, crc: 0 });
    expect(inflateEntry(broken.buf, broken.entry)).toEqual({ code: 'not_xlsx' });
    expect(deflateRawSync(real).length).toBeLessThan(1000);
  });
});

describe('counting the work exceljs would do', () => {
  it('counts rows and cells by their unprefixed tags only', () => {
    const xml = `<cols><col min="1" max="3"/></cols><sheetData>${rowXml(1, ['a', 'b', 'c'])}${rowXml(2, ['d'])}<row r="3"/></sheetData><c:chart/><cfRule/>`;
    expect(countWork(xml, limits)).toEqual({ rows: 3, cells: 4 });
  });

  it('counts the cells of merged ranges, data validations and defined names', () => {
    expect(rangeCells('A1:B2')).toBe(4);
    expect(rangeCells("'My sheet'!$A$1:$XFD$1048576")).toBe(16384 * 1048576);
    expect(rangeCells('A1 B2:C3 D4:D5')).toBe(6);
    expect(countWork('<mergeCells><mergeCell ref="A1:J10"/></mergeCells>', limits).cells).toBe(100);
    expect(countWork('<dataValidation type="list" sqref="A1:A1048576"><formula1>"a"</formula1></dataValidation>', limits).cells).toBe(1048576);
    expect(countWork('<definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$C$10</definedName>', limits).cells).toBe(30);
  });

  it('checkWorkbook names the first limit a workbook passes', () => {
    const small = { ...limits, maxRows: 10, maxCells: 30 };
    expect(checkWorkbook(workbook(Array.from({ length: 10 }, (_, i) => rowXml(i + 1, ['a', 'b'])).join('')), small)).toBeNull();
    expect(checkWorkbook(workbook(Array.from({ length: 11 }, (_, i) => rowXml(i + 1, ['a'])).join('')), small)).toEqual({ code: 'xlsx_too_many_rows', params: { max: 10 } });
    expect(checkWorkbook(workbook(rowXml(1, Array.from({ length: 31 }, () => 'x'))), small)).toEqual({ code: 'xlsx_too_many_cells', params: { max: 30 } });
    expect(checkWorkbook(workbook(rowXml(1, ['a']), '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>'), small)).toEqual({ code: 'xlsx_too_many_cells', params: { max: 30 } });
    expect(checkWorkbook(workbook(rowXml(1, ['a']), '', '<definedNames><definedName name="x">事项目录!$A$1:$Z$100</definedName></definedNames>'), small)).toMatchObject({ code: 'xlsx_too_many_cells' });
  });
});
