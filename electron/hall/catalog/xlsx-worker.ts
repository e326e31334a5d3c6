// One xlsx import, in its own thread: the workbook's limits (import-limits.ts), then exceljs. The
// host's thread only waits, so /health and the queue keep answering, and the thread is ended when it
// runs past its time; its heap is capped by the resourceLimits it was started with.
import { parentPort, workerData } from 'node:worker_threads';
import { checkWorkbook, type ImportLimits, type WorkbookRefusal } from './import-limits.js';
import type { SheetRows } from './xlsx-sheet.js';

export interface XlsxJob {
  data: Uint8Array;
  limits: ImportLimits;
}

export type XlsxAnswer = { ok: true; rows: SheetRows } | { ok: false; refusal: WorkbookRefusal };

async function run({ data, limits }: XlsxJob): Promise<XlsxAnswer> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const refusal = checkWorkbook(buf, limits);
  if (refusal) return { ok: false, refusal };
  // exceljs is loaded only for a workbook that passed: a refusal costs no 300 ms module load.
  const { xlsxToRows } = await import('./xlsx-sheet.js');
  return { ok: true, rows: await xlsxToRows(buf) };
}

const answer = await run(workerData as XlsxJob);
parentPort!.postMessage(answer);
