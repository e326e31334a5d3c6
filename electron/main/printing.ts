// Silent printing of a ticket slip or a notice. The HTML comes from a page, so it is rendered in
// a hidden window with no preload, no JavaScript, no network and no permissions, then thrown away.
import { BrowserWindow, session, webContents, type Session, type WebContents, type WebContentsPrintOptions } from 'electron';
import type { PrinterInfo, PrintRequest } from '../contract/desktop.js';
import { allowOnlyUrl, denyAllPermissions, secureWebPreferences } from './security.js';

export type PrintResult = { ok: true } | { ok: false; error: string };

/** In-memory session (no `persist:`) so printed documents leave no cache or storage behind. */
export const PRINT_PARTITION = 'hall-print';
export const PRINT_TIMEOUT_MS = 30_000;
/**
 * Slip height when only a width is given. The contract carries no height and JavaScript is off,
 * so the document cannot be measured; roll printers cut after the last printed line.
 */
export const SLIP_HEIGHT_MICRONS = 150_000;

export function htmlDataUrl(html: string): string {
  // base64 rather than percent-encoding: Chinese text would grow nine-fold and hit the URL limit.
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

export function printOptions(request: PrintRequest): WebContentsPrintOptions {
  return {
    silent: true,
    printBackground: true,
    ...(request.printerName === '' ? {} : { deviceName: request.printerName }),
    margins: { marginType: 'none' },
    pageSize:
      request.pageWidthMicrons === undefined ? 'A4' : { width: request.pageWidthMicrons, height: SLIP_HEIGHT_MICRONS },
  };
}

function isDataUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'data:';
  } catch {
    return false;
  }
}

let printSession: Session | null = null;

/** The print documents' own session: every request that is not the data: document itself is cancelled. */
export function hardenedPrintSession(): Session {
  if (printSession !== null) return printSession;
  const printing = session.fromPartition(PRINT_PARTITION);
  denyAllPermissions(printing);
  printing.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isDataUrl(details.url) }));
  printSession = printing;
  return printing;
}

function print(contents: WebContents, options: WebContentsPrintOptions): Promise<PrintResult> {
  return new Promise((resolve) => {
    contents.print(options, (success, failureReason) =>
      resolve(success ? { ok: true } : { ok: false, error: failureReason || 'print failed' }),
    );
  });
}

function timeout(ms: number): { promise: Promise<PrintResult>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<PrintResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `print timed out after ${ms / 1000} s` }), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export async function printHtml(request: PrintRequest, timeoutMs = PRINT_TIMEOUT_MS): Promise<PrintResult> {
  const url = htmlDataUrl(request.html);
  const window = new BrowserWindow({
    show: false,
    width: 800,
    height: 600,
    webPreferences: {
      ...secureWebPreferences(),
      javascript: false,
      devTools: false,
      session: hardenedPrintSession(),
    },
  });
  // Programmatic loads are not subject to will-navigate; this pins anything the document itself
  // starts (meta refresh, a link) to this exact URL, and keeps app:// pages out of this window.
  allowOnlyUrl(window.webContents, url);
  const limit = timeout(timeoutMs);
  try {
    const job = (async (): Promise<PrintResult> => {
      await window.loadURL(url);
      return print(window.webContents, printOptions(request));
    })();
    // If the timeout wins, a later failure of the job must not surface as an unhandled rejection.
    job.catch(() => undefined);
    return await Promise.race([job, limit.promise]);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    limit.cancel();
    if (!window.isDestroyed()) window.destroy();
  }
}

/** The OS's printers as the admin picks the slip printer from them, by name, each once. */
export function printerChoices(printers: ReadonlyArray<{ name: string; displayName: string }>): PrinterInfo[] {
  const byName = new Map(printers.map((printer) => [printer.name, { name: printer.name, displayName: printer.displayName || printer.name }]));
  return [...byName.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
}

export async function listPrinters(contentsId: number): Promise<PrinterInfo[]> {
  const contents = webContents.fromId(contentsId);
  if (contents === undefined || contents.isDestroyed()) return [];
  return printerChoices(await contents.getPrintersAsync());
}
