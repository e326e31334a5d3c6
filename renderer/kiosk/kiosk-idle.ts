// Going back to the start screen by itself: an inner screen left alone for a minute, or the ticket
// screen once the citizen has had time to read it. A touch anywhere starts the wait again.

export type KioskStep = 'start' | 'priorityKind' | 'priorityCategory' | 'appointment' | 'ticket' | 'guide' | 'guideItem' | 'lookup';

export const INNER_SCREEN_IDLE_MS = 60_000;
export const TICKET_SHOWN_MS = 15_000;
/** A guide takes reading: two minutes untouched before the kiosk goes back to start. */
export const GUIDE_READING_MS = 120_000;
/** Another language than Chinese goes back to Chinese after this long untouched, on any screen. */
export const LANGUAGE_RESET_MS = 60_000;
/** A failed print leaves the number on screen longer: the citizen has to write it down. */
export const TICKET_PRINT_FAILED_MS = 45_000;

/** How long a screen may sit untouched before the kiosk returns to start; null: never (start itself). */
export function idleTimeoutFor(step: KioskStep, printFailed = false): number | null {
  if (step === 'start') return null;
  if (step === 'ticket') return printFailed ? TICKET_PRINT_FAILED_MS : TICKET_SHOWN_MS;
  if (step === 'guideItem') return GUIDE_READING_MS;
  return INNER_SCREEN_IDLE_MS;
}

export interface IdleTimers {
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

const realTimers: IdleTimers = {
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One countdown: `arm` sets the timeout (null disarms), `touch` restarts it, `onIdle` fires once per countdown. */
export class IdleCountdown {
  private timeoutMs: number | null = null;
  private handle: unknown = null;

  constructor(
    private readonly onIdle: () => void,
    private readonly timers: IdleTimers = realTimers,
  ) {}

  arm(timeoutMs: number | null): void {
    this.timeoutMs = timeoutMs;
    this.restart();
  }

  touch(): void {
    if (this.timeoutMs !== null) this.restart();
  }

  stop(): void {
    this.timeoutMs = null;
    this.clear();
  }

  private restart(): void {
    this.clear();
    if (this.timeoutMs === null) return;
    this.handle = this.timers.setTimer(() => {
      this.handle = null;
      this.timeoutMs = null;
      this.onIdle();
    }, this.timeoutMs);
  }

  private clear(): void {
    if (this.handle !== null) this.timers.clearTimer(this.handle);
    this.handle = null;
  }
}
