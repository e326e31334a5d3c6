// What the calling display shows, as a pure reducer over the loaded queue state and the host's events.
import { z } from 'zod';
import type { HallEvent } from '../shared/contract';
import type { CallEntry, QueueSettings, QueueState } from '../shared/queue-contract';

/** The fields of a ticket.* event the display needs (electron/hall/queue/events.ts). */
export const TicketEventData = z.object({
  ticketId: z.number().int(),
  number: z.string(),
  categoryCode: z.string(),
  status: z.string(),
  windowId: z.number().int().nullable(),
  windowNumber: z.number().int().nullable(),
  windowName: z.string().nullable(),
  calledAt: z.string().nullable(),
  callCount: z.number().int(),
  waiting: z.record(z.string(), z.number().int()).optional(),
});
export type TicketEventData = z.infer<typeof TicketEventData>;

export interface WaitingLine {
  code: string;
  name: string;
  waiting: number;
}

export interface DisplayState {
  loaded: boolean;
  open: boolean;
  /** Being called now (called, not yet at the window), newest first. */
  calling: CallEntry[];
  /** The last calls, newest first. */
  recent: CallEntry[];
  waiting: WaitingLine[];
  notice: string;
  settings: QueueSettings | null;
  /** The call that just came in (ticketId:callCount), to flash; calls loaded with the state do not flash. */
  flash: string | null;
}

export const INITIAL_DISPLAY_STATE: DisplayState = { loaded: false, open: true, calling: [], recent: [], waiting: [], notice: '', settings: null, flash: null };

export const MAX_CALLING = 4;
export const MAX_RECENT = 10;

export type DisplayAction =
  | { type: 'loaded'; state: QueueState }
  | { type: 'settings'; settings: QueueSettings }
  | { type: 'event'; event: HallEvent };

/** The call a ticket.called event stands for; a recall moves the ticket back to the top. */
export function callFromEvent(event: HallEvent, data: TicketEventData): CallEntry | null {
  if (data.windowNumber === null) return null;
  return {
    ticketId: data.ticketId,
    number: data.number,
    windowNumber: data.windowNumber,
    windowName: data.windowName ?? '',
    // The newest call time (the recall's, not the first call's), so the lists sort as people heard them.
    calledAt: event.at,
    callCount: data.callCount,
  };
}

const withoutTicket = (list: readonly CallEntry[], ticketId: number) => list.filter((c) => c.ticketId !== ticketId);

function applyWaiting(lines: readonly WaitingLine[], waiting: Record<string, number> | undefined): WaitingLine[] {
  if (!waiting) return [...lines];
  return lines.map((line) => (line.code in waiting ? { ...line, waiting: waiting[line.code] as number } : line));
}

function applyTicketEvent(state: DisplayState, event: HallEvent): DisplayState {
  const parsed = TicketEventData.safeParse(event.data);
  if (!parsed.success) return state;
  const data = parsed.data;
  const waiting = applyWaiting(state.waiting, data.waiting);
  if (event.type === 'ticket.called') {
    const call = callFromEvent(event, data);
    if (!call) return { ...state, waiting };
    // The same call delivered twice (a reload and then its event) changes nothing.
    const known = state.recent.find((c) => c.ticketId === call.ticketId);
    if (known && known.callCount >= call.callCount) return { ...state, waiting };
    // One window holds one called ticket: a new call at window 3 replaces window 3's old one.
    const calling = [call, ...withoutTicket(state.calling, call.ticketId).filter((c) => c.windowNumber !== call.windowNumber)].slice(0, MAX_CALLING);
    const recent = [call, ...withoutTicket(state.recent, call.ticketId)].slice(0, MAX_RECENT);
    return { ...state, waiting, calling, recent, flash: `${call.ticketId}:${call.callCount}` };
  }
  // Any other status (serving, done, no-show, transferred, cancelled): no longer being called.
  const calling = data.status === 'called' ? state.calling : withoutTicket(state.calling, data.ticketId);
  return { ...state, waiting, calling };
}

export function displayReducer(state: DisplayState, action: DisplayAction): DisplayState {
  switch (action.type) {
    case 'loaded':
      return {
        ...state,
        loaded: true,
        open: action.state.open,
        calling: action.state.calling.slice(0, MAX_CALLING),
        recent: action.state.recent.slice(0, MAX_RECENT),
        waiting: action.state.categories.map((c) => ({ code: c.code, name: c.name, waiting: c.waiting })),
        notice: action.state.notice,
      };
    case 'settings':
      return { ...state, settings: action.settings, notice: action.settings.noticeLine };
    case 'event':
      return action.event.type.startsWith('ticket.') ? applyTicketEvent(state, action.event) : state;
  }
}

/** The history column without the calls already shown large. */
export function recentBesideCalling(state: DisplayState, limit: number): CallEntry[] {
  const calling = new Set(state.calling.map((c) => c.ticketId));
  return state.recent.filter((c) => !calling.has(c.ticketId)).slice(0, limit);
}
