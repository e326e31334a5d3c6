// Pushes hall events to connected terminals. Each event gets the next sequence number of this host
// run; a reconnecting terminal passes the last seq it saw and gets what it missed from a short
// memory, or is told to reload its state when the gap is too old or the host restarted.
import { randomUUID } from 'node:crypto';
import type { HallEvent } from '../../contract/api.js';
import type { CredentialEndReason } from '../../contract/events.js';
import type { HeldCredential } from '../auth/credentials.js';
import type { Clock } from '../clock.js';
import { callerOf, type Caller, type Principal } from '../http/principal.js';

export interface Subscriber {
  principal: Principal;
  send(event: HallEvent): void;
  /** What an events socket was let in with. The hub ends it (and sends it nothing more) once the
   *  credential runs out or is ended; an in-process listener has none and is never ended. */
  credential?: HeldCredential & { end(reason: CredentialEndReason): void };
}

export type CredentialedSubscriber = Subscriber & { credential: NonNullable<Subscriber['credential']> };

interface Stored {
  event: HallEvent;
  audience: readonly Caller[] | 'all';
  /** Fields still to be read into the event's data when its group is sealed. */
  summary?: Summary;
}

/**
 * Fields of an event that sum up the state after the change rather than the change itself (the
 * waiting count per category), read from the database. Outside a group they are read at once. In a
 * group they are read once, when it is sealed, for every event of the group that asked by the same
 * key: those events go out together and a screen keeps only the latest figures, so reading them per
 * event (over every waiting ticket, 30 times in one group of call-next) bought nothing.
 */
export interface Summary {
  key: string;
  read(): Record<string, unknown>;
}

/** The events one group commit published (EventHub.seal). */
export interface HeldEvents {
  events: Stored[];
  settled: boolean;
}

export class EventHub {
  /** Changes at every host start; a terminal that sees a new one reloads rather than replays. */
  readonly bootId = randomUUID();
  private seq = 0;
  private readonly subscribers = new Set<Subscriber>();
  private readonly recent: Stored[] = [];
  /** What a group is publishing now (group-commit.ts), before it is sealed. */
  private held: Stored[] | null = null;
  /** Sealed batches in publishing order; each goes out once it and every batch before it are settled,
   *  so terminals see events in seq order even when a later write reaches the disk first. */
  private readonly waiting: HeldEvents[] = [];

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

  publish(type: string, data: unknown, audience: readonly Caller[] | 'all' = 'all', summary?: Summary): HallEvent {
    this.seq += 1;
    const event: HallEvent = { seq: this.seq, type, at: this.clock.now().toISOString(), data };
    if (this.held) {
      this.held.push({ event, audience, summary });
      return event;
    }
    if (summary) event.data = { ...(data as object), ...readSummary(summary) };
    if (this.waiting.length > 0) this.behindWaiting({ event, audience });
    else this.deliver({ event, audience });
    return event;
  }

  /** From here on events wait (group-commit.ts): what a write published goes out only after its commit
   *  is on the disk. */
  hold(): void {
    this.held ??= [];
  }

  /** Ends the holding: the batch waits until `release` (its commit is on the disk) or `drop`. */
  seal(): HeldEvents {
    const batch: HeldEvents = { events: this.held ?? [], settled: false };
    this.held = null;
    const read = new Map<string, Record<string, unknown>>();
    for (const stored of batch.events) {
      if (!stored.summary) continue;
      const { key } = stored.summary;
      if (!read.has(key)) read.set(key, readSummary(stored.summary));
      stored.event.data = { ...(stored.event.data as object), ...read.get(key) };
      delete stored.summary;
    }
    this.waiting.push(batch);
    return batch;
  }

  release(batch: HeldEvents): void {
    batch.settled = true;
    this.drain();
  }

  /** The commit failed: what the group published never happened. */
  drop(batch: HeldEvents): void {
    batch.events = [];
    batch.settled = true;
    this.drain();
  }

  /** An event published outside any group while batches wait goes out after them, in seq order. */
  private behindWaiting(stored: Stored): void {
    let tail = this.waiting[this.waiting.length - 1]!;
    if (!tail.settled) {
      tail = { events: [], settled: true };
      this.waiting.push(tail);
    }
    tail.events.push(stored);
  }

  private drain(): void {
    while (this.waiting[0]?.settled) {
      for (const stored of this.waiting.shift()!.events) this.deliver(stored);
    }
  }

  private deliver({ event, audience }: Stored): void {
    this.recent.push({ event, audience });
    if (this.recent.length > this.keep) this.recent.shift();
    // An expired credential is caught here too, not only by the next sweep: nothing reaches it.
    const nowMs = this.clock.now().getTime();
    for (const sub of this.subscribers) {
      if (sub.credential && sub.credential.expiresAtMs <= nowMs) this.end(sub, 'token_expired');
      else if (canSee(audience, sub.principal)) sub.send(event);
    }
  }

  /** The subscribers that hold a credential, for a check against the database. */
  credentialed(): CredentialedSubscriber[] {
    return [...this.subscribers].filter((sub): sub is CredentialedSubscriber => sub.credential !== undefined);
  }

  /** Ends each credentialed subscriber the judge gives a reason for; returns how many ended. */
  endWhere(judge: (sub: CredentialedSubscriber) => CredentialEndReason | null): number {
    let ended = 0;
    for (const sub of this.credentialed()) {
      const reason = judge(sub);
      if (reason && this.end(sub, reason)) ended += 1;
    }
    return ended;
  }

  private end(sub: Subscriber, reason: CredentialEndReason): boolean {
    if (!this.subscribers.delete(sub)) return false;
    sub.credential?.end(reason);
    return true;
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

/** A summary is read once the writes behind it are committed (at a group's seal, or right after a
 *  write outside any group): one that cannot be read leaves its fields out (screens keep their figures
 *  until the next event) rather than fail a request whose write already stands. */
function readSummary(summary: Summary): Record<string, unknown> {
  try {
    return summary.read();
  } catch {
    return {};
  }
}

function canSee(audience: readonly Caller[] | 'all', principal: Principal): boolean {
  return audience === 'all' || audience.includes(callerOf(principal));
}
