// Builds zip files byte by byte for the import-limit tests: honest ones, and ones that lie (a
// declared size smaller than the real one, an encryption flag, a ZIP64 marker), with deflate bombs
// made by streaming one chunk many times so the test never holds the 200 MB it describes.
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The bytes as stored (deflated unless `method` is 0). */
  stored: Buffer;
  /** The real uncompressed size and CRC (for bombs, computed while deflating). */
  size: number;
  crc: number;
  method?: 0 | 8;
  /** What the central directory claims; the real size unless a test makes it lie. */
  declaredSize?: number;
  flags?: number;
  zip64Extra?: boolean;
}

/** An ordinary deflated part. */
export function part(name: string, content: string | Buffer): ZipPart {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, stored: deflateRawSync(data, { level: constants.Z_BEST_COMPRESSION }), size: data.length, crc: crc32(data) };
}

/** A part of `repeat` copies of `chunk` (after `head`, before `tail`), deflated as a stream. */
export async function bombPart(name: string, head: string, chunk: string, repeat: number, tail: string): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const pieces = [Buffer.from(head), Buffer.from(chunk), Buffer.from(tail)];
  let crc = crc32(pieces[0]!);
  let size = pieces[0]!.length;
  const write = (b: Buffer) => new Promise<void>((resolve) => (deflate.write(b) ? resolve() : deflate.once('drain', () => resolve())));
  await write(pieces[0]!);
  for (let i = 0; i < repeat; i++) {
    await write(pieces[1]!);
    crc = crc32(pieces[1]!, crc);
    size += pieces[1]!.length;
  }
  await write(pieces[2]!);
  crc = crc32(pieces[2]!, crc);
  size += pieces[2]!.length;
  deflate.end();
  await done;
  return { name, stored: Buffer.concat(out), size, crc };
}

export function zip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const method = p.method ?? 8;
    const declared = p.declaredSize ?? p.size;
    const flags = (p.flags ?? 0) | 0x0800; // UTF-8 names
    const extra = p.zip64Extra ? Buffer.from([0x01, 0x00, 0x08, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.stored.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, p.stored);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.stored.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + p.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts around one worksheet that make a workbook exceljs opens. */
export function workbookParts(definedNames = ''): ZipPart[] {
  return [
    part(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    part('_rels/.rels', `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="事项目录" sheetId="1" r:id="rId1"/></sheets>${definedNames}</workbook>`),
    part('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
  ];
}

/** A column's letters: 1 → A, 27 → AA. */
export function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** One row of inline-string cells. */
export function rowXml(r: number, values: readonly string[]): string {
  return `<row r="${r}">${values.map((v, i) => `<c r="${columnName(i + 1)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
}

/** A whole workbook around one sheet body (rows, then anything after sheetData such as mergeCells). */
export function workbook(rows: string, afterSheetData = '', definedNames = ''): Buffer {
  return zip([...workbookParts(definedNames), part('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${rows}</sheetData>${afterSheetData}</worksheet>`)]);
}
