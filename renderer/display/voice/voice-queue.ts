// Announcements are said strictly one after another (DOMAIN §7): never two at once, none dropped in
// a burst, each as many times as the hall has set. The speaker is injected, so the order and the
// timing rules are tested without a sound card.

/** The page may not play sound yet (no user gesture in a browser); the queue waits for resume(). */
export class PlaybackBlocked extends Error {
  constructor() {
    super('playback blocked until the page is clicked');
    this.name = 'PlaybackBlocked';
  }
}

export interface Speaker {
  /** Resolves when the sentence has been said; rejects with PlaybackBlocked when sound is refused. */
  speak(text: string): Promise<void>;
}

export interface VoiceQueueOptions {
  speaker: Speaker;
  /** Pause between two utterances, so repeats and calls do not run into each other. */
  gapMs?: number;
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
  /** After sound was blocked, calls queued longer ago than this are not said any more when it is unblocked. */
  staleAfterMs?: number;
  onChange?: () => void;
  onBlocked?: () => void;
}

interface Pending {
  text: string;
  left: number;
  queuedAt: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class VoiceQueue {
  /** Every announcement, in the order it was queued (what the display meant to say). */
  readonly queued: string[] = [];
  /** Every utterance actually said, once per repeat, in the order said. */
  readonly spoken: string[] = [];
  private readonly pending: Pending[] = [];
  private running = false;
  private blocked = false;
  private disposed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: VoiceQueueOptions) {}

  get isBlocked(): boolean {
    return this.blocked;
  }

  /** Announcements (with their repeats) still to say, the one being said included. */
  get backlog(): number {
    return this.pending.length;
  }

  enqueue(text: string, repeat: number): void {
    if (this.disposed) return;
    const times = Math.min(3, Math.max(1, Math.floor(repeat) || 1));
    this.queued.push(text);
    this.pending.push({ text, left: times, queuedAt: this.now() });
    this.options.onChange?.();
    void this.pump();
  }

  /** Sound is allowed again (the page was clicked): go on, leaving out calls that went stale meanwhile. */
  resume(): void {
    if (!this.blocked || this.disposed) return;
    this.blocked = false;
    const limit = this.options.staleAfterMs ?? 30_000;
    const now = this.now();
    for (let i = this.pending.length - 1; i >= 0; i -= 1) {
      if (now - (this.pending[i] as Pending).queuedAt > limit) this.pending.splice(i, 1);
    }
    this.options.onChange?.();
    void this.pump();
  }

  /** Resolves once nothing is left to say (or the queue is blocked or disposed). */
  settled(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.pending.length = 0;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async pump(): Promise<void> {
    // One loop at a time: this flag is what keeps two sentences from ever overlapping.
    if (this.running || this.blocked || this.disposed) return;
    this.running = true;
    try {
      while (this.pending.length > 0 && !this.blocked && !this.disposed) {
        const item = this.pending[0] as Pending;
        try {
          await this.options.speaker.speak(item.text);
          this.spoken.push(item.text);
        } catch (error) {
          if (error instanceof PlaybackBlocked) {
            // Keep the item: it is said from the start once sound is allowed (unless stale by then).
            this.blocked = true;
            this.options.onBlocked?.();
            break;
          }
          // Any other failure (a voice that errored): count the attempt and move on, never stall.
        }
        item.left -= 1;
        if (item.left <= 0) this.pending.shift();
        this.options.onChange?.();
        if (this.pending.length > 0 && !this.disposed) await (this.options.wait ?? sleep)(this.options.gapMs ?? 700);
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
