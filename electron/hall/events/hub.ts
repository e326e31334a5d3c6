// Pushes hall events to connected terminals. Each event gets the next sequence number of this host
// run; a reconnecting terminal passes the last seq it saw and gets what it missed from a short
// memory, or is told to reload its state when the gap is too old or the host restarted.
import { randomUUID } from 'node:crypto';
import type { HallEvent } from '../../contract/api.js';
import type { Clock } from '../clock.js';
import { callerOf, type Caller, type Principal } from '../http/principal.js';

export interface Subscriber {
  principal: Principal;
  send(event: HallEvent): void;
}

interface Stored {
  event: HallEvent;
  audience: readonly Caller[] | 'all';
}

export class EventHub {
  /** Changes at every host start; a terminal that sees a new one reloads rather than replays. */
  readonly bootId = randomUUID();
  private seq = 0;
  private readonly subscribers = new Set<Subscriber>();
  private readonly recent: Stored[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly keep = 1000,
  ) {}

  get lastSeq(): number {
    return this.seq;
  }

  get connections(): number {
    return this.subscribers.size;
  }

  publish(type: string, data: unknown, audience: readonly Caller[] | 'all' = 'all'): HallEvent {
    this.seq += 1;
    const event: HallEvent = { seq: this.seq, type, at: this.clock.now().toISOString(), data };
    this.recent.push({ event, audience });
    if (this.recent.length > this.keep) this.recent.shift();
    for (const sub of this.subscribers) {
      if (canSee(audience, sub.principal)) sub.send(event);
    }
    return event;
  }

  /** Registers a subscriber; returns the missed events after `afterSeq`, or null if they are gone. */
  subscribe(sub: Subscriber, afterSeq: number | null): { missed: HallEvent[] | null; unsubscribe: () => void } {
    this.subscribers.add(sub);
    let missed: HallEvent[] | null = [];
    if (afterSeq !== null && afterSeq < this.seq) {
      const oldest = this.recent[0]?.event.seq ?? this.seq + 1;
      missed =
        afterSeq + 1 < oldest
          ? null
          : this.recent.filter((s) => s.event.seq > afterSeq && canSee(s.audience, sub.principal)).map((s) => s.event);
    }
    return { missed, unsubscribe: () => this.subscribers.delete(sub) };
  }
}

function canSee(audience: readonly Caller[] | 'all', principal: Principal): boolean {
  return audience === 'all' || audience.includes(callerOf(principal));
}
