// Printing a complete HTML document (a ticket slip, an A4 notice) from a page: in Electron through the
// preload's bridge (silent, on the chosen printer), in a plain browser through a hidden frame.
import type { DesktopBridge } from './contract';
import { desktopBridge } from './desktop-bridge';

const FRAME_LOAD_TIMEOUT_MS = 10_000;
const FRAME_KEEP_MS = 5 * 60_000;

export interface FrameOptions {
  /** Marks the frame (data-testid) so a test can read what was printed. */
  testId?: string;
  /**
   * Keep the frame after printing, until the next document with the same testId replaces it: a notice
   * stays readable for 重新打印 and for tests. Without it the frame goes after printing.
   */
  keep?: boolean;
}

/** Prints `html` in a hidden frame of `doc`; resolves once print() has been called. */
export function printInHiddenFrame(html: string, doc: Document = document, options: FrameOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.keep && options.testId) {
      doc.querySelectorAll(`iframe[data-testid="${options.testId}"]`).forEach((old) => old.remove());
    }
    const frame = doc.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    if (options.testId) frame.setAttribute('data-testid', options.testId);
    frame.tabIndex = -1;
    frame.className = 'slip-print-frame';
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    const remove = () => {
      if (!options.keep) frame.remove();
    };
    const timeout = setTimeout(() => {
      frame.remove();
      reject(new Error('the document did not load for printing'));
    }, FRAME_LOAD_TIMEOUT_MS);
    frame.onload = () => {
      clearTimeout(timeout);
      const view = frame.contentWindow;
      if (!view) {
        frame.remove();
        reject(new Error('the print frame has no window'));
        return;
      }
      // Chrome's print preview may still read the frame after print() returns; remove it afterwards.
      view.addEventListener('afterprint', remove, { once: true });
      if (!options.keep) setTimeout(remove, FRAME_KEEP_MS);
      try {
        view.focus();
        view.print();
        resolve();
      } catch (error) {
        frame.remove();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    frame.srcdoc = html;
    doc.body.appendChild(frame);
  });
}

export type A4PrintOutcome = { ok: true; by: 'desktop' | 'frame' } | { ok: false; detail: string };

export interface A4Printer {
  desktop: Pick<DesktopBridge, 'printHtml'> | null;
  printInFrame(html: string): Promise<void>;
}

/** The printer of this page: the Electron bridge when present, else a kept, marked hidden frame. */
export function pagePrinter(testId: string): A4Printer {
  return { desktop: desktopBridge(), printInFrame: (html) => printInHiddenFrame(html, document, { testId, keep: true }) };
}

/** Prints an A4 document on the default printer. Never throws: a failed print is shown, the work stands. */
export async function printA4(html: string, printer: A4Printer): Promise<A4PrintOutcome> {
  try {
    if (printer.desktop) {
      // No page width: the main process prints on A4.
      const result = await printer.desktop.printHtml({ html, printerName: '' });
      return result.ok ? { ok: true, by: 'desktop' } : { ok: false, detail: result.error };
    }
    await printer.printInFrame(html);
    return { ok: true, by: 'frame' };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
