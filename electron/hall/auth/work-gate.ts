// A cap on slow work anyone may ask for (password checks): at most `concurrency` tasks at once and a
// short queue behind them, beyond which the caller is refused at once (503 + Retry-After) instead of
// waiting minutes behind a flood. Callers the hall already knows (a paired device, a PC staff have
// logged in from) queue in a lane of their own that is served first, so a flood from addresses never
// seen before cannot keep them out; what puts a caller in that lane is where it calls from, never
// the name it sends, so the lane tells nothing about which user names exist.
import { HallError } from '../http/errors.js';

export type Lane = 'known' | 'public';

export class WorkGate {
  private running = 0;
  private readonly waiting: Record<Lane, Array<() => void>> = { known: [], public: [] };

  constructor(
    readonly concurrency: number,
    /** Waiting places per lane. */
    readonly maxQueued: number,
  ) {}

  /** Runs `task` when a slot is free; throws 503 `password_checks_busy` at once when its lane is full. */
  async run<T>(task: () => Promise<T>, lane: Lane = 'public'): Promise<T> {
    if (this.running >= this.concurrency) {
      const queue = this.waiting[lane];
      if (queue.length >= this.maxQueued) throw new HallError('unavailable', 'password_checks_busy', { retryAfterSeconds: 2 });
      await new Promise<void>((resolve) => queue.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, known callers first, so `running` never
      // drops while anyone waits.
      const next = this.waiting.known.shift() ?? this.waiting.public.shift();
      if (next) next();
      else this.running--;
    }
  }

  get load(): { running: number; queued: number; queuedKnown: number } {
    return { running: this.running, queued: this.waiting.public.length, queuedKnown: this.waiting.known.length };
  }
}
