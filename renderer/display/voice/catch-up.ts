// Which calls are said aloud. A display that reconnects after a host restart must catch up on screen
// without replaying old calls: only a ticket.called event that is fresh (at most ~30 s old by the
// host's clock) and not yet heard is announced; calls loaded with /queue/state never are.

export const ANNOUNCE_MAX_AGE_MS = 30_000;

export interface CallHeard {
  ticketId: number;
  callCount: number;
}

/** A recall is a new call of the same ticket: its callCount grew. */
export function callKey(call: CallHeard): string {
  return `${call.ticketId}:${call.callCount}`;
}

export interface CatchUpInput {
  /** When the host published the event (event.at); for a recall this is the recall, not the first call. */
  eventAt: string;
  /** The host's time now, as the display best knows it (local time + offset learned from `hello`). */
  hostNow: number;
  call: CallHeard;
  /** Keys of calls already announced or already on screen from a reload. */
  heard: ReadonlySet<string>;
  maxAgeMs?: number;
}

export function shouldAnnounce({ eventAt, hostNow, call, heard, maxAgeMs = ANNOUNCE_MAX_AGE_MS }: CatchUpInput): boolean {
  if (heard.has(callKey(call))) return false;
  const at = Date.parse(eventAt);
  if (!Number.isFinite(at)) return false;
  return hostNow - at <= maxAgeMs;
}

/**
 * How far the host's clock is ahead of ours, from the `hello` it sends on connecting (its `at` is the
 * host's now). The display's own clock may be minutes off; ages are measured on the host's clock.
 */
export function hostClockOffset(helloAt: string, localNow: number): number {
  const at = Date.parse(helloAt);
  return Number.isFinite(at) ? at - localNow : 0;
}
