// How far the wall runs behind the stream, measured continuously rather than at samples: for the k-th
// service the stream has had acknowledged, the time until the wall first showed k or more. Time the
// harness itself held the page (a forced GC, a heap snapshot: no page updates then) is not the wall's.

export class WallLag {
  private readonly acknowledgedAt: number[] = [];
  private readonly pauses: Array<{ from: number; to: number }> = [];
  /** Services matched to a reading of the wall so far (the first `matched` acknowledgements). */
  private matched = 0;
  private highest = 0;
  private worstAll = 0;
  private worstSinceMark = 0;
  /** Readings lower than one before: the hall's day turned during the run (served today restarts). */
  drops = 0;

  /** The stream had one more service acknowledged at `at`. */
  acknowledged(at: number): void {
    this.acknowledgedAt.push(at);
    // The wall may show a service before the stream has its answer; that one has no lag at all.
    this.match(this.highest, at);
  }

  /** The wall showed `value` at `at` (the time the reading came back). */
  reading(value: number, at: number): void {
    if (value < this.highest) this.drops++;
    this.highest = Math.max(this.highest, value);
    this.match(value, at);
  }

  /** The harness held the page from `from` to `to`. */
  paused(from: number, to: number): void {
    if (to > from) this.pauses.push({ from, to });
  }

  /** The lag of the oldest acknowledged service the wall does not show yet, as of `now` (0 when level). */
  pending(now: number): number {
    return this.matched < this.acknowledgedAt.length ? this.lag(this.acknowledgedAt[this.matched]!, now) : 0;
  }

  /** The worst lag so far, counting the one still pending at `now`. */
  worst(now: number): number {
    return Math.max(this.worstAll, this.pending(now));
  }

  /** The worst lag since the last call (for a sample's row), counting the one pending at `now`. */
  worstSinceLastMark(now: number): number {
    const worst = Math.max(this.worstSinceMark, this.pending(now));
    this.worstSinceMark = 0;
    return worst;
  }

  private match(shown: number, at: number): void {
    while (this.matched < Math.min(shown, this.acknowledgedAt.length)) {
      const lag = this.lag(this.acknowledgedAt[this.matched]!, at);
      this.worstAll = Math.max(this.worstAll, lag);
      this.worstSinceMark = Math.max(this.worstSinceMark, lag);
      this.matched++;
    }
  }

  private lag(from: number, to: number): number {
    let held = 0;
    for (const p of this.pauses) held += Math.max(0, Math.min(p.to, to) - Math.max(p.from, from));
    return Math.max(0, to - from - held);
  }
}
