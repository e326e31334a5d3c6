// POST /queue/tickets/:id/print: the slip of a committed ticket. On a network thermal printer the host
// prints it itself (ESC/POS); otherwise it answers the slip's HTML for the kiosk to print.
// Printing comes after the ticket's commit and never changes the ticket: a failed print is a 503
// the kiosk can retry or report, while the citizen's number stays in the queue.
import QRCode from 'qrcode';
import type { Db } from '../../../db/connection.js';
import { IdParam } from '../../contract/api.js';
import type { IssuedTicket } from '../../contract/queue.js';
import { PrintSlipRequest, PrintSlipResponse, slipContent, slipHtml } from '../../contract/slip.js';
import type { HallContext } from '../context.js';
import { conflict, HallError, notFound } from '../http/errors.js';
import { escposSlip } from '../printing/escpos.js';
import { PrinterError, sendToPrinter } from '../printing/network-printer.js';
import { getSetting } from '../settings/service.js';
import { queueSettings } from './settings.js';
import { issuedTicketView } from './issued-view.js';
import { findTicket, peopleAhead, today, type TicketRow } from './tickets.js';
import { estimateWait } from './wait-estimate.js';

/** Long enough for a printer waking from sleep, short enough for a citizen standing at the kiosk. */
export const PRINTER_TIMEOUT_MS = 5000;

/** A slip is for a citizen still in today's queue; a finished or past ticket has nothing to show. */
const PRINTABLE = new Set(['waiting', 'called', 'serving']);

/** The slip's figures as they stand now, not as they were when the ticket was issued. */
export function issuedNow(db: Db, t: TicketRow, origin: string): IssuedTicket {
  const ahead = t.status === 'waiting' ? peopleAhead(db, t) : 0;
  return issuedTicketView(db, t, { ahead, estimatedWaitMinutes: estimateWait(db, t.category_id, ahead) }, origin);
}

/** One job at a time per printer: a raw port-9100 printer takes one connection and refuses or stalls others. */
const printerLines = new Map<string, Promise<unknown>>();
function oneAtATime<T>(printer: string, job: () => Promise<T>): Promise<T> {
  const previous = printerLines.get(printer) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(job);
  printerLines.set(printer, next);
  void next.catch(() => undefined).finally(() => {
    if (printerLines.get(printer) === next) printerLines.delete(printer);
  });
  return next;
}

export function registerPrintRoutes(hall: HallContext): void {
  const { db, clock } = hall;
  hall.route({
    method: 'POST', url: '/queue/tickets/:id/print', tag: 'queue', summary: "Print a ticket's slip (network printer) or get its HTML",
    allow: ['device:kiosk', 'clerk'], params: IdParam, body: PrintSlipRequest.optional(), response: PrintSlipResponse,
    handler: async ({ params, body, lang, request }): Promise<PrintSlipResponse> => {
      const t = findTicket(db, params.id);
      if (!t) throw notFound();
      if (!PRINTABLE.has(t.status) || t.business_day !== today(db, clock)) {
        throw conflict('ticket_state', { number: t.number, status: t.status, action: 'print' });
      }
      const settings = queueSettings(db);
      const content = slipContent(issuedNow(db, t, `${request.protocol}://${request.host}`), settings, body?.lang ?? lang, getSetting(db, 'hall.timeZone'));
      if (settings.printMode === 'escpos' && settings.printerHost !== '') {
        const { printerHost: host, printerPort: port } = settings;
        try {
          await oneAtATime(`${host}:${port}`, () => sendToPrinter(host, port, escposSlip(content, settings.slipWidthMm), { timeoutMs: PRINTER_TIMEOUT_MS }));
        } catch (err) {
          if (!(err instanceof PrinterError)) throw err;
          request.log.warn({ err, ticketId: t.id }, 'slip printer failed');
          throw new HallError('unavailable', 'printer_unreachable', { host, port }, { reason: err.reason });
        }
        return { ok: true, mode: 'escpos' };
      }
      const qrSvg = await QRCode.toString(content.guideUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      return { ok: true, mode: 'html', html: slipHtml(content, settings.slipWidthMm, qrSvg) };
    },
  });
}
