/**
 * How many jobs a worker may claim beyond its free slots, so that a deep queue of short jobs is
 * drained with one claim round trip per batch instead of one per slot. The number is what this
 * worker finishes in `horizonMs` at its measured pace, capped at `max`:
 * - short jobs (thousands a second): a batch of hundreds, each waiting at most `horizonMs` in the
 *   worker before it starts, so fairness (priority, then age) is off by that much at most;
 * - renders that take seconds: zero, and the claim stays "free slots only", leaving the rest of the
 *   queue to other workers that may be idle.
 *
 * @example
 * const ahead = new ClaimAhead(1_000, 100);
 * ahead.finished(); // after each job
 * const extra = ahead.size(); // jobs to claim on top of the free slots when the queue is deep
 */
export class ClaimAhead {
  private windowStart = performance.now();
  private count = 0;
  /** Jobs finished per millisecond over the last full window. */
  private rate = 0;

  constructor(
    private readonly max: number,
    private readonly horizonMs: number,
    private readonly windowMs = 100,
  ) {}

  /** Counts one finished job; the pace is measured over windows of `windowMs`. */
  finished(): void {
    this.count++;
    const now = performance.now();
    const span = now - this.windowStart;
    if (span >= this.windowMs) {
      this.rate = this.count / span;
      this.count = 0;
      this.windowStart = now;
    }
  }

  /** Jobs to hold ready beyond the free slots. */
  size(): number {
    if (this.max <= 0 || this.horizonMs <= 0) return 0;
    // A pace measured long ago says nothing about the jobs queued now.
    if (performance.now() - this.windowStart > 10 * this.windowMs) this.rate = 0;
    return Math.min(this.max, Math.floor(this.rate * this.horizonMs));
  }
}
