// When a link runs: on a timer, on demand, never two cycles at once, never on a request's path.
// A cycle that throws is logged and its SENDING rows put back (`recover`), so nothing is stranded
// until the next start; stopping waits for the cycle in flight.
export interface LinkRunnerOptions<R> {
  cycle(manual: boolean, signal: AbortSignal): Promise<R>;
  /** What a failed or stopped cycle reports. */
  empty(reason: 'stopped' | 'failed'): R;
  intervalMs(): number;
  onError?(err: unknown): void;
  recover?(): void;
  /** After every cycle, stopped or not. */
  settled?(): void;
}

export interface LinkRunner<R> {
  start(firstDelayMs: number): void;
  runCycle(options?: { manual?: boolean }): Promise<R>;
  /** Starts a manual cycle unless one is running; does not wait. */
  trigger(): boolean;
  reschedule(): void;
  readonly running: boolean;
  readonly stopped: boolean;
  readonly signal: AbortSignal;
  stop(): Promise<void>;
}

export function createLinkRunner<R>(options: LinkRunnerOptions<R>): LinkRunner<R> {
  const abort = new AbortController();
  let current: Promise<R> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  function schedule(delayMs: number): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    timer = setTimeout(() => void runCycle().catch(() => undefined), delayMs);
    timer.unref();
  }

  function runCycle({ manual = false } = {}): Promise<R> {
    if (current) return current;
    if (stopped) return Promise.resolve(options.empty('stopped'));
    const run = options
      .cycle(manual, abort.signal)
      .catch((err: unknown) => {
        options.onError?.(err);
        try {
          options.recover?.();
        } catch {
          // the next start recovers
        }
        return options.empty('failed');
      })
      .finally(() => {
        current = null;
        if (!stopped) {
          options.settled?.();
          schedule(options.intervalMs());
        }
      });
    current = run;
    return run;
  }

  return {
    start(firstDelayMs) {
      schedule(firstDelayMs);
    },
    runCycle,
    trigger() {
      if (current || stopped) return false;
      void runCycle({ manual: true });
      return true;
    },
    reschedule() {
      if (!current) schedule(options.intervalMs());
    },
    get running() {
      return current !== null;
    },
    get stopped() {
      return stopped;
    },
    signal: abort.signal,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      abort.abort();
      await current?.catch(() => undefined);
    },
  };
}
