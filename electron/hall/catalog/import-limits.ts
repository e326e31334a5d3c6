// The limits of an xlsx catalogue import, and the checks that hold a workbook to them before exceljs
// sees it: a 640 KB file that unzips to 200 MB once took 10 s and 560 MB of the host's memory.
// Declared sizes can lie, so every entry is inflated under a cap of its declared size (itself within
// the total), and the rows and cells exceljs would build are counted in the XML first.
import { inflateRawSync } from 'node:zlib';
import { readZipDirectory, type ZipEntry, type ZipLimits, type ZipRefusal } from './zip-directory.js';

export interface ImportLimits extends ZipLimits {
  /** Sheet rows, the header row included: the JSON file's 5,000 items and a header. */
  maxRows: number;
  /** Cells exceljs would create: the sheets' cells, and the cells of merged ranges, data
   *  validations and defined names (exceljs expands each range cell by cell). */
  maxCells: number;
  /** The whole parse, in a worker thread that is ended when it runs over. */
  timeMs: number;
  /** The worker's JavaScript heap. */
  heapMb: number;
}

/** A catalogue of a township hall is a few hundred items; these leave room for ten times that. */
export const IMPORT_LIMITS: ImportLimits = {
  maxEntries: 100,
  maxUnzippedBytes: 20 * 1024 * 1024,
  // Sheets of real catalogues compress 10–20 times; a deflate bomb reaches 1,000.
  maxRatio: 100,
  ratioFloorBytes: 256 * 1024,
  maxRows: 5_001,
  maxCells: 200_000,
  timeMs: 10_000,
  heapMb: 384,
};

export type WorkbookRefusal =
  | ZipRefusal
  | { code: 'xlsx_size_mismatch' }
  | { code: 'xlsx_too_many_rows'; params: { max: number } }
  | { code: 'xlsx_too_many_cells'; params: { max: number } }
  | { code: 'xlsx_too_slow'; params: { seconds: number } }
  | { code: 'xlsx_too_complex' };

/** An entry's bytes, inflated to exactly its declared size or refused. */
export function inflateEntry(buf: Buffer, entry: ZipEntry): Buffer | WorkbookRefusal {
  const data = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return entry.compressedSize === entry.uncompressedSize ? data : { code: 'xlsx_size_mismatch' };
  let out: Buffer;
  try {
    // One byte more than declared is already a lie; inflating stops there.
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { code: 'xlsx_size_mismatch' };
    return { code: 'not_xlsx' };
  }
  return out.length === entry.uncompressedSize ? out : { code: 'xlsx_size_mismatch' };
}

const COLUMN_LETTERS = /^[A-Z]{1,3}$/;
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells in every `A1:B2` range of a reference list or formula ("Sheet1!$A$1:$XFD$1048576 C3:D4"). */
export function rangeCells(text: string): number {
  let cells = 0;
  for (const m of text.matchAll(/\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})/g)) {
    const [, c1, r1, c2, r2] = m as unknown as [string, string, string, string, string];
    if (!COLUMN_LETTERS.test(c1) || !COLUMN_LETTERS.test(c2)) continue;
    const width = Math.abs(columnNumber(c2) - columnNumber(c1)) + 1;
    const height = Math.abs(Number(r2) - Number(r1)) + 1;
    cells += width * height;
  }
  return cells;
}

function countTags(text: string, pattern: RegExp, stopAbove: number): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) if (++n > stopAbove) break;
  return n;
}

/** Rows and cells exceljs would build from one part of the workbook (any part: exceljs picks its
 *  sheets by a loose name match, so every part is counted). Unprefixed tags only, as exceljs reads. */
export function countWork(xml: string, limits: Pick<ImportLimits, 'maxRows' | 'maxCells'>): { rows: number; cells: number } {
  const rows = countTags(xml, /<row[\s/>]/g, limits.maxRows);
  let cells = countTags(xml, /<c[\s/>]/g, limits.maxCells);
  for (const m of xml.matchAll(/<mergeCell\b[^>]*?\bref="([^"]*)"/g)) cells += rangeCells(m[1]!);
  for (const m of xml.matchAll(/<dataValidation\b[^>]*?\bsqref="([^"]*)"/g)) cells += rangeCells(m[1]!);
  for (const m of xml.matchAll(/<definedName\b[^>]*>([^<]*)</g)) cells += rangeCells(m[1]!);
  return { rows, cells };
}

/** Every check short of exceljs itself: the directory, the real sizes, the rows and cells. */
export function checkWorkbook(buf: Buffer, limits: ImportLimits): WorkbookRefusal | null {
  const directory = readZipDirectory(buf, limits);
  if (!directory.ok) return directory.refusal;
  let rows = 0;
  let cells = 0;
  for (const entry of directory.entries) {
    const part = inflateEntry(buf, entry);
    if (!Buffer.isBuffer(part)) return part;
    // XML tags are ASCII: latin1 keeps every byte one character without decoding UTF-8.
    const work = countWork(part.toString('latin1'), { maxRows: limits.maxRows - rows, maxCells: limits.maxCells - cells });
    rows += work.rows;
    cells += work.cells;
    if (rows > limits.maxRows) return { code: 'xlsx_too_many_rows', params: { max: limits.maxRows } };
    if (cells > limits.maxCells) return { code: 'xlsx_too_many_cells', params: { max: limits.maxCells } };
  }
  return null;
}
