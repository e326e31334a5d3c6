// What the display does with one host event, decided without React so the catch-up rule is tested:
// reload (and say nothing of what the reload holds), update the screen, and/or announce a call.
import type { HallEvent } from '../shared/contract';
import { QueueSettings } from '../shared/queue-contract';
import { TicketEventData } from './display-state';
import { hostClockOffset, shouldAnnounce } from './voice/catch-up';

export interface FeedPlan {
  /** 'all': /queue/state and the settings again; 'settings': the settings only. */
  reload: 'all' | 'settings' | null;
  /** Apply the event to the screen state (the reducer ignores what it does not know). */
  apply: boolean;
  /** New settings carried by the event itself. */
  settings: QueueSettings | null;
  /** The call to announce, if it is fresh and not yet heard. */
  announce: { ticketId: number; callCount: number; number: string; windowNumber: number } | null;
  /** A new host-minus-local clock offset, learned from `hello`. */
  clockOffset: number | null;
}

const NOTHING: FeedPlan = { reload: null, apply: false, settings: null, announce: null, clockOffset: null };

export function planEvent(event: HallEvent, { localNow, clockOffset, heard }: { localNow: number; clockOffset: number; heard: ReadonlySet<string> }): FeedPlan {
  if (event.type === 'hello') {
    // resync: the host restarted or the gap is too old — reload, and say nothing of what it holds.
    // Otherwise the missed events follow and go through the same age rule as live ones.
    const resync = (event.data as { resync?: unknown } | null)?.resync === true;
    return { ...NOTHING, reload: resync ? 'all' : null, clockOffset: hostClockOffset(event.at, localNow) };
  }
  if (event.type === 'queue.setup') return { ...NOTHING, reload: 'all' };
  if (event.type === 'queue.settings') {
    const parsed = QueueSettings.safeParse(event.data);
    return parsed.success ? { ...NOTHING, settings: parsed.data } : { ...NOTHING, reload: 'settings' };
  }
  if (!event.type.startsWith('ticket.')) return NOTHING;
  if (event.type !== 'ticket.called') return { ...NOTHING, apply: true };
  const parsed = TicketEventData.safeParse(event.data);
  if (!parsed.success || parsed.data.windowNumber === null) return { ...NOTHING, apply: true };
  const call = { ticketId: parsed.data.ticketId, callCount: parsed.data.callCount };
  const fresh = shouldAnnounce({ eventAt: event.at, hostNow: localNow + clockOffset, call, heard });
  return {
    ...NOTHING,
    apply: true,
    announce: fresh ? { ...call, number: parsed.data.number, windowNumber: parsed.data.windowNumber } : null,
  };
}
