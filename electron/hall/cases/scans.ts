// Scans of materials (DOMAIN §5): files in the data folder named by their SHA-256 (scans/ab/abcdef…),
// so one file handed in twice is kept once; the database keeps the hash, size and type. The type is
// judged by the file's first bytes, never by what the client claims alone.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../db/connection.js';
import { get, run, sql } from '../../../db/sql.js';
import { MAX_SCAN_BYTES, SCAN_TYPES } from '../../contract/cases.js';
import type { Clock } from '../clock.js';
import { conflict, notFound, validationError } from '../http/errors.js';
import type { Actor } from '../http/principal.js';
import { recordTransition } from './actions.js';
import { checkListOf, findCase, type CaseRow } from './case-store.js';

export type ScanType = (typeof SCAN_TYPES)[number];

const MAGIC: Record<ScanType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

export function sniffType(bytes: Buffer): ScanType | null {
  return SCAN_TYPES.find((t) => MAGIC[t].every((b, i) => bytes[i] === b)) ?? null;
}

export interface ScanInput {
  materialName: string;
  fileName: string;
  contentType: ScanType;
  dataBase64: string;
}

/** A checked upload written under a temporary name in scans/, not yet anyone's scan. */
export interface StagedScan {
  sha256: string;
  size: number;
  tmp: string;
}

/** Checks the bytes and writes them aside (before any transaction: disk writes never hold the lock).
 *  Nothing is under the hash's name until attachScan has accepted the upload; the caller ends with
 *  discardStaged, whatever happened. */
export function stageScanFile(dataDir: string, input: ScanInput): StagedScan {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw validationError([{ field: 'dataBase64', code: 'required' }]);
  if (bytes.length > MAX_SCAN_BYTES) throw validationError([{ field: 'dataBase64', code: 'file_too_large', params: { max: MAX_SCAN_BYTES / 1024 / 1024 } }]);
  if (sniffType(bytes) !== input.contentType) throw validationError([{ field: 'contentType', code: 'file_type_mismatch' }]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const root = path.join(dataDir, 'scans');
  mkdirSync(root, { recursive: true });
  const tmp = path.join(root, `.${randomUUID()}.tmp`);
  writeFileSync(tmp, bytes, { flush: true });
  return { sha256, size: bytes.length, tmp };
}

/** Removes the temporary file if it is still there (a refused upload, or one already stored). */
export function discardStaged(staged: StagedScan): void {
  rmSync(staged.tmp, { force: true });
}

const scanPath = (dataDir: string, sha256: string) => path.join(dataDir, 'scans', sha256.slice(0, 2), sha256);

/** Gives the staged file its hash's name unless that file is already kept; true when it was placed.
 *  A rename is atomic: a crash never leaves a half file under the hash's name. */
function placeStaged(dataDir: string, staged: StagedScan): boolean {
  const file = scanPath(dataDir, staged.sha256);
  if (existsSync(file)) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  renameSync(staged.tmp, file);
  return true;
}

const CLOSED = ['delivered', 'rejected', 'withdrawn'];

/** Records the scan on the case and only then gives its file a place; the same file for the same
 *  material again is answered, not stored twice. A refusal (404, 409, 400) leaves no file behind. */
export function attachScan(
  db: Db,
  clock: Clock,
  actor: Actor,
  dataDir: string,
  caseId: number,
  input: ScanInput,
  file: StagedScan,
): { id: number; sha256: string; size: number; contentType: string } {
  let placed = false;
  try {
    return recordScan(db, clock, actor, caseId, input, file, () => {
      placed = placeStaged(dataDir, file);
    });
  } catch (err) {
    // Placed, then the transaction failed: the file is nobody's scan (a kept file is never placed).
    if (placed) rmSync(scanPath(dataDir, file.sha256), { force: true });
    throw err;
  }
}

/** A file kept under its hash (scans/ab/…) as one material's scan of a case. */
export interface CaseScanFacts {
  materialName: string;
  fileName: string;
  contentType: ScanType;
  sha256: string;
  size: number;
  uploadedBy: number | null;
}

/**
 * The case_scans row and its attach-scan event, inside the caller's transaction: the county gets every
 * scan's hash in order with the case's other events (DOMAIN §5). The same file for the same material
 * again is answered with the row it already has. Answers the case row as it then stands.
 */
export function recordCaseScan(db: Db, actor: Actor, now: Date, r: CaseRow, scan: CaseScanFacts): { id: number; row: CaseRow } {
  const existing = get<{ id: number }>(db, sql`SELECT id FROM case_scans WHERE case_id = ${r.id} AND material_name = ${scan.materialName} AND sha256 = ${scan.sha256}`);
  if (existing) return { id: existing.id, row: r };
  const { lastInsertRowid } = run(
    db,
    sql`INSERT INTO case_scans (case_id, material_name, file_name, content_type, sha256, size, uploaded_at, uploaded_by)
        VALUES (${r.id}, ${scan.materialName}, ${scan.fileName}, ${scan.contentType}, ${scan.sha256}, ${scan.size}, ${now.toISOString()}, ${scan.uploadedBy})`,
  );
  const row = recordTransition(db, actor, now, r, {
    action: 'attach-scan',
    before: r.status,
    after: r.status,
    note: null,
    set: [],
    extra: { scan: { material: scan.materialName, sha256: scan.sha256, size: scan.size, contentType: scan.contentType } },
  });
  return { id: Number(lastInsertRowid), row };
}

function recordScan(db: Db, clock: Clock, actor: Actor, caseId: number, input: ScanInput, file: StagedScan, place: () => void): { id: number; sha256: string; size: number; contentType: string } {
  return db.transaction(() => {
    const r = findCase(db, caseId);
    if (!r) throw notFound();
    if (CLOSED.includes(r.status)) throw conflict('case_closed', { caseNo: r.case_no });
    if (!checkListOf(db, caseId).some((m) => m.name === input.materialName)) {
      throw validationError([{ field: 'materialName', code: 'unknown_material', params: { name: input.materialName } }]);
    }
    const { id } = recordCaseScan(db, actor, clock.now(), r, {
      materialName: input.materialName,
      fileName: input.fileName,
      contentType: input.contentType,
      sha256: file.sha256,
      size: file.size,
      uploadedBy: actor.kind === 'user' ? actor.id : null,
    });
    // Last, after every check and write of the transaction: a sync rename, no await inside.
    place();
    return { id, sha256: file.sha256, size: file.size, contentType: input.contentType };
  }).immediate();
}
