// The scans a village node sent for a request (PUT /village/scans, kept under their hash beside the
// counter's) become scans of its case, as if taken at the counter: a case_scans row and an
// attach-scan event per file and material — at the intake of the request, and when a correction's
// materials arrive for the case. A file the counter would refuse (not PDF, JPEG or PNG by its first
// bytes), one not kept whole, or one for a material not on the case's check-list stays with the
// request only.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { Db } from '../../../db/connection.js';
import type { AgentMaterial } from '../../contract/village.js';
import { checkListOf, type CaseRow } from '../cases/case-store.js';
import { recordCaseScan, sniffType, type ScanType } from '../cases/scans.js';
import type { Actor } from '../http/principal.js';
import { keptScanPath } from './village-scans.js';

const EXTENSION: Record<ScanType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

function typeOfFile(file: string): ScanType | null {
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(8);
    return sniffType(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
  } finally {
    closeSync(fd);
  }
}

export interface RequestScans {
  materials: ReadonlyArray<Pick<AgentMaterial, 'name'> & { scans?: readonly string[] }>;
  agentUserId: number;
}

/** Inside the caller's transaction; answers the case row as it then stands. */
export function attachRequestScans(db: Db, dataDir: string | null, actor: Actor, now: Date, row: CaseRow, request: RequestScans): CaseRow {
  if (!dataDir) return row;
  const onList = new Set(checkListOf(db, row.id).map((m) => m.name));
  let current = row;
  for (const material of request.materials) {
    if (!onList.has(material.name)) continue;
    for (const sha256 of material.scans ?? []) {
      const file = keptScanPath(dataDir, sha256);
      const contentType = typeOfFile(file);
      if (!contentType) continue;
      current = recordCaseScan(db, actor, now, current, {
        materialName: material.name,
        fileName: `${material.name}-${sha256.slice(0, 8)}.${EXTENSION[contentType]}`,
        contentType,
        sha256,
        size: statSync(file).size,
        uploadedBy: request.agentUserId,
      }).row;
    }
  }
  return current;
}
