// Reads an uploaded xlsx catalogue without letting it take the host: the zip's directory is judged
// here (microseconds, no worker for a file that declares too much), the rest — real sizes, rows and
// cells, exceljs — in a worker thread with a capped heap that is ended at the deadline. One import at
// a time; each refusal is a 400 on `data` naming the limit.
import { Worker } from 'node:worker_threads';
import { HallError, validationError } from '../http/errors.js';
import { builtWorkerFile } from '../worker-file.js';
import { IMPORT_LIMITS, type ImportLimits, type WorkbookRefusal } from './import-limits.js';
import type { SheetRows } from './xlsx-sheet.js';
import type { XlsxAnswer, XlsxJob } from './xlsx-worker.js';
import { readZipDirectory } from './zip-directory.js';

export function xlsxWorkerFile(): string {
  return builtWorkerFile(import.meta.url, 'xlsx-worker', ['xlsx-worker.ts', 'import-limits.ts', 'zip-directory.ts', 'xlsx-sheet.ts']);
}

/** 400 on the upload's `data`; "not a workbook" keeps the row-1 shape of the sheet's header issues. */
export function refusalError(refusal: WorkbookRefusal): HallError {
  if (refusal.code === 'not_xlsx') return new HallError('validation', 'import_rows', {}, [{ row: 1, field: 'data', code: 'not_xlsx' }]);
  return validationError([{ field: 'data', ...refusal }]);
}

export interface XlsxReaderOptions {
  limits?: ImportLimits;
  workerFile?: string;
}

export class XlsxReader {
  private readonly limits: ImportLimits;
  private workerFile: string | undefined;
  private busy = false;

  constructor(options: XlsxReaderOptions = {}) {
    this.limits = options.limits ?? IMPORT_LIMITS;
    this.workerFile = options.workerFile;
  }

  /** The sheet's rows, or a HallError: 400 for a refused workbook, 409 while another import runs. */
  async read(bytes: Buffer): Promise<SheetRows> {
    const directory = readZipDirectory(bytes, this.limits);
    if (!directory.ok) throw refusalError(directory.refusal);
    // Reserved before the work it limits: a second upload is refused, not queued behind the first.
    if (this.busy) throw new HallError('conflict', 'import_running');
    this.busy = true;
    try {
      const answer = await this.inWorker(bytes);
      if (!answer.ok) throw refusalError(answer.refusal);
      return answer.rows;
    } finally {
      this.busy = false;
    }
  }

  private inWorker(bytes: Buffer): Promise<XlsxAnswer> {
    this.workerFile ??= xlsxWorkerFile();
    const job: XlsxJob = { data: bytes, limits: this.limits };
    const worker = new Worker(this.workerFile, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    return new Promise<XlsxAnswer>((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // Not awaited: ending a thread busy in exceljs takes a moment, the caller need not wait for it.
        void worker.terminate();
        outcome();
      };
      const refused = (refusal: WorkbookRefusal) => settle(() => resolve({ ok: false, refusal }));
      const timer = setTimeout(() => refused({ code: 'xlsx_too_slow', params: { seconds: Math.max(1, Math.round(this.limits.timeMs / 1000)) } }), this.limits.timeMs);
      worker.on('message', (answer: XlsxAnswer) => settle(() => resolve(answer)));
      worker.on('error', (err: Error & { code?: string }) => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') refused({ code: 'xlsx_too_complex' });
        else settle(() => reject(err));
      });
      worker.on('exit', (code) => settle(() => reject(new Error(`xlsx worker exited with code ${code} before answering`))));
    });
  }
}
