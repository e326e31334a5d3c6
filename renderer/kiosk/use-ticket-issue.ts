// Taking a ticket: one request at a time (a double tap must not make two tickets), the ticket shown
// only once the host has committed it, and its slip printed only after that.
import { useCallback, useMemo, useRef, useState } from 'react';
import { ApiError } from '../shared/api-error';
import type { ApiClient } from '../shared/api-client';
import { desktopBridge } from '../shared/desktop-bridge';
import { currentLanguage } from '../shared/i18n';
import type { IssuedTicket, IssueTicketRequest } from '../shared/queue-contract';
import type { Translate } from '../shared/translate';
import { printInHiddenFrame, printTicketSlip, type SlipSettings } from './print-slip';
import { issueProblem, TicketDesk, type TicketDeskHooks } from './ticket-desk';
import type { KioskQueue } from './use-kiosk-queue';

export function useTicketIssue(kiosk: KioskQueue, t: Translate, onIssued: (ticket: IssuedTicket) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The desk lives as long as the screen; it reads the newest callbacks through this ref.
  const hooks = useRef<TicketDeskHooks | null>(null);
  hooks.current = {
    issue: (request) => kiosk.queue.issue(request),
    onBusy: (next) => {
      setBusy(next);
      if (next) setProblem(null);
    },
    onIssued: (ticket) => {
      kiosk.noteReachability(null);
      onIssued(ticket);
    },
    onFailed: (error) => {
      kiosk.noteReachability(error);
      setProblem(issueProblem(t, error));
      // Sold out or closed since the screen was drawn: show the host's current picture.
      if (error instanceof ApiError && (error.code === 'domain_rule' || error.code === 'conflict')) kiosk.reload();
    },
  };
  const desk = useMemo(() => new TicketDesk(() => hooks.current!), []);
  const take = useCallback((request: IssueTicketRequest) => void desk.take(request), [desk]);
  const clearProblem = useCallback(() => setProblem(null), []);
  return { busy, problem, take, clearProblem };
}

export type PrintStatus = 'printing' | 'printed' | 'failed';

/** The slip of the ticket on screen; an answer for a ticket no longer shown is dropped. */
export function useSlipPrint(api: ApiClient, settings: SlipSettings | null) {
  const [print, setPrint] = useState<{ ticketId: number; status: PrintStatus } | null>(null);
  const start = useCallback(
    (ticket: IssuedTicket) => {
      setPrint({ ticketId: ticket.id, status: 'printing' });
      const printer = { desktop: desktopBridge(), printInFrame: (html: string) => printInHiddenFrame(html) };
      void printTicketSlip(api, ticket.id, currentLanguage(), settings, printer).then((outcome) => {
        if (!outcome.ok) console.warn('slip not printed', ticket.number, outcome.reason, outcome.detail ?? '');
        setPrint((current) => (current?.ticketId === ticket.id ? { ticketId: ticket.id, status: outcome.ok ? 'printed' : 'failed' } : current));
      });
    },
    [api, settings],
  );
  const forget = useCallback(() => setPrint(null), []);
  return { print, start, forget };
}
