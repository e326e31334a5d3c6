// Reads a zip file's table of contents (its End Of Central Directory record and central directory)
// without unpacking anything, so an xlsx upload can be judged before exceljs inflates it: a 640 KB
// file may declare 200 MB of XML. Pure: bytes in, entries or a refusal out.
//
// The entries are found the way JSZip (inside exceljs) finds them — the last EOCD signature, the
// central directory's sizes and methods, each entry's data after its local header — so what is
// checked here is what exceljs would read. Anything it would have to guess at (ZIP64, several disks,
// data before the zip, encryption) is refused instead.

/** Where an entry's bytes are and what the central directory says about them. */
export interface ZipEntry {
  /** 0 stored, 8 deflated; nothing else is accepted. */
  method: 0 | 8;
  compressedSize: number;
  /** As declared: a crafted file may lie, so the inflater holds it to this. */
  uncompressedSize: number;
  /** Offset of the entry's (compressed) data in the file. */
  dataOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** The sum of the declared uncompressed sizes. */
  maxUnzippedBytes: number;
  /** Uncompressed ÷ compressed, per entry, for entries larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** Field issue codes for the `data` field of an xlsx upload (messages under validation.*). */
export type ZipRefusal =
  | { code: 'not_xlsx' }
  | { code: 'xlsx_zip64' }
  | { code: 'xlsx_encrypted' }
  | { code: 'xlsx_too_many_entries'; params: { max: number } }
  | { code: 'xlsx_unzipped_too_large'; params: { maxMb: number } }
  | { code: 'xlsx_ratio_too_high'; params: { max: number } };

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; refusal: ZipRefusal };

const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const ZIP64_EXTRA_ID = 0x0001;
/** General purpose flags: bit 0 encrypted, bit 6 strong encryption. */
const ENCRYPTED_FLAGS = 0x0001 | 0x0040;

const notXlsx = (): ZipDirectory => ({ ok: false, refusal: { code: 'not_xlsx' } });
const refuse = (refusal: ZipRefusal): ZipDirectory => ({ ok: false, refusal });

const EOCD_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** The last EOCD signature (JSZip takes the last one too), or -1. */
function findEocd(buf: Buffer): number {
  return buf.lastIndexOf(EOCD_BYTES, buf.length - EOCD_SIZE);
}

function hasZip64Extra(buf: Buffer, start: number, length: number): boolean {
  for (let at = start; at + 4 <= start + length; ) {
    const id = buf.readUInt16LE(at);
    const size = buf.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA_ID) return true;
    at += 4 + size;
  }
  return false;
}

export function readZipDirectory(buf: Buffer, limits: ZipLimits): ZipDirectory {
  if (buf.length < EOCD_SIZE) return notXlsx();
  const eocd = findEocd(buf);
  if (eocd < 0) return notXlsx();
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const entriesHere = buf.readUInt16LE(eocd + 8);
  const entryCount = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return refuse({ code: 'xlsx_zip64' });
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIGNATURE) return refuse({ code: 'xlsx_zip64' });
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== entryCount) return notXlsx();
  if (entryCount > limits.maxEntries) return refuse({ code: 'xlsx_too_many_entries', params: { max: limits.maxEntries } });
  // The directory ends where the EOCD starts: JSZip would shift every offset to explain a gap.
  if (cdOffset + cdSize !== eocd) return notXlsx();

  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let at = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + CENTRAL_SIZE > eocd || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) return notXlsx();
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const uncompressedSize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const diskStart = buf.readUInt16LE(at + 34);
    const localOffset = buf.readUInt32LE(at + 42);
    const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > eocd) return notXlsx();
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff || diskStart === 0xffff) return refuse({ code: 'xlsx_zip64' });
    if (hasZip64Extra(buf, at + CENTRAL_SIZE + nameLength, extraLength)) return refuse({ code: 'xlsx_zip64' });
    if (flags & ENCRYPTED_FLAGS || method === 99) return refuse({ code: 'xlsx_encrypted' });
    if (method !== 0 && method !== 8) return notXlsx();
    if (diskStart !== 0) return notXlsx();

    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.maxUnzippedBytes) return refuse({ code: 'xlsx_unzipped_too_large', params: { maxMb: Math.round(limits.maxUnzippedBytes / 1024 / 1024) } });
    if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize > compressedSize * limits.maxRatio) {
      return refuse({ code: 'xlsx_ratio_too_high', params: { max: limits.maxRatio } });
    }

    // The data follows the local header, whose name and extra field may differ in length from the
    // central directory's copy (JSZip reads them from the local header, so do we).
    if (localOffset + LOCAL_SIZE > cdOffset || buf.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) return notXlsx();
    if (buf.readUInt16LE(localOffset + 6) & ENCRYPTED_FLAGS) return refuse({ code: 'xlsx_encrypted' });
    const dataOffset = localOffset + LOCAL_SIZE + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > cdOffset) return notXlsx();
    entries.push({ method: method as 0 | 8, compressedSize, uncompressedSize, dataOffset });
    at = next;
  }
  if (at !== eocd) return notXlsx();
  return { ok: true, entries };
}
