// Printing the slip of a committed ticket. The host either printed it on the network thermal printer
// (escpos) or hands back the slip document for this terminal to print: through the Electron bridge
// (silent, on the configured printer and paper width) or, in a plain browser, through a hidden frame.
import { PrintSlipResponse, type SlipLanguage } from '../../electron/contract/slip.js';
import type { ApiClient } from '../shared/api-client';
import { ApiError } from '../shared/api-error';
import type { DesktopBridge, PrintRequest } from '../shared/contract';
import type { QueueSettings } from '../shared/queue-contract';

export type SlipSettings = Pick<QueueSettings, 'slipWidthMm' | 'printerName'>;

/** The host's default paper, for the rare case that the settings could not be read. */
const FALLBACK_SETTINGS: SlipSettings = { slipWidthMm: 80, printerName: '' };

export type PrintPlan =
  | { kind: 'host' }
  | { kind: 'desktop'; request: PrintRequest }
  | { kind: 'frame'; html: string };

export function printPlan(answer: PrintSlipResponse, settings: SlipSettings | null, desktopAvailable: boolean): PrintPlan {
  if (answer.mode === 'escpos') return { kind: 'host' };
  const { slipWidthMm, printerName } = settings ?? FALLBACK_SETTINGS;
  if (desktopAvailable) return { kind: 'desktop', request: { html: answer.html, printerName, pageWidthMicrons: slipWidthMm * 1000 } };
  return { kind: 'frame', html: answer.html };
}

export type PrintFailure = 'unreachable' | 'unavailable' | 'desktop' | 'frame' | 'host';
export type PrintOutcome = { ok: true; by: PrintPlan['kind'] } | { ok: false; reason: PrintFailure; detail?: string };

export interface SlipPrinter {
  desktop: Pick<DesktopBridge, 'printHtml'> | null;
  printInFrame(html: string): Promise<void>;
}

/** Never throws: a failed print is an outcome the screen shows, the ticket stays valid either way. */
export async function printTicketSlip(
  api: Pick<ApiClient, 'request'>,
  ticketId: number,
  lang: SlipLanguage,
  settings: SlipSettings | null,
  printer: SlipPrinter,
): Promise<PrintOutcome> {
  let answer: PrintSlipResponse;
  try {
    answer = await api.request('POST', `/queue/tickets/${ticketId}/print`, { body: { lang }, schema: PrintSlipResponse });
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'unreachable' || error.code === 'unavailable')) return { ok: false, reason: error.code, detail: error.message };
    return { ok: false, reason: 'host', detail: error instanceof Error ? error.message : String(error) };
  }
  const plan = printPlan(answer, settings, printer.desktop !== null);
  if (plan.kind === 'host') return { ok: true, by: 'host' };
  if (plan.kind === 'desktop') {
    try {
      const result = await printer.desktop!.printHtml(plan.request);
      return result.ok ? { ok: true, by: 'desktop' } : { ok: false, reason: 'desktop', detail: result.error };
    } catch (error) {
      return { ok: false, reason: 'desktop', detail: error instanceof Error ? error.message : String(error) };
    }
  }
  try {
    await printer.printInFrame(plan.html);
    return { ok: true, by: 'frame' };
  } catch (error) {
    return { ok: false, reason: 'frame', detail: error instanceof Error ? error.message : String(error) };
  }
}

// The hidden-frame printer is shared with the staff pages' A4 notices.
export { printInHiddenFrame } from '../shared/print-html';
