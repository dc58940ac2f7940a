/**
 * How many jobs a worker may claim beyond its free slots, so that a deep queue of short jobs is
 * drained with one claim round trip per batch instead of one per slot. The number is what this
 * worker's slots finish in `horizonMs` at the pace its jobs take, capped at `max`:
 * - short jobs (thousands a second): a batch of hundreds, each waiting at most about `horizonMs`
 *   in the worker before it starts, so fairness (priority, then age) is off by that much at most;
 * - renders that take seconds: zero, and the claim stays "free slots only", leaving the rest of the
 *   queue to other workers that may be idle.
 *
 * The pace is `slots / mean job time`, not the jobs finished per second: a worker fed by small
 * claims finishes few jobs a second because it waits for claims, and a pace measured that way kept
 * the claims small (a drain of 10,000 no-op jobs was half over before the batch reached 1,000).
 * The mean is known after a few jobs, so the second claim of a deep queue is already a batch.
 *
 * @example
 * const ahead = new ClaimAhead(1_000, 100, 10);
 * ahead.finished(tookMs); // after each job
 * const extra = ahead.size(); // jobs to claim on top of the free slots when the queue is deep
 */
export class ClaimAhead {
  private windowStart = performance.now();
  private count = 0;
  private busyMs = 0;
  /** Mean time of one job over the last window, ms; null before a first measure. */
  private meanMs: number | null = null;
  private lastFinished = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly max: number,
    private readonly horizonMs: number,
    private readonly slots: number,
    private readonly windowMs = 100,
    /** Jobs that make a first measure, before a window has passed. */
    private readonly firstMeasureJobs = 8,
  ) {}

  /** Counts one finished job that took `tookMs`; the mean is renewed every `windowMs`. */
  finished(tookMs: number): void {
    const now = performance.now();
    this.lastFinished = now;
    this.count++;
    this.busyMs += tookMs;
    const first = this.meanMs === null && this.count >= this.firstMeasureJobs;
    if (first || now - this.windowStart >= this.windowMs) {
      this.meanMs = this.busyMs / this.count;
      this.count = 0;
      this.busyMs = 0;
      this.windowStart = now;
    }
  }

  /** Jobs to hold ready beyond the free slots. */
  size(): number {
    if (this.max <= 0 || this.horizonMs <= 0 || this.meanMs === null) return 0;
    // A pace measured long ago says nothing about the jobs queued now.
    if (performance.now() - this.lastFinished > 10 * this.windowMs) {
      this.meanMs = null;
      this.count = 0;
      this.busyMs = 0;
      return 0;
    }
    // A job measured at 0 ms (finished within the timer's resolution) is as short as can be.
    const perMs = this.slots / Math.max(this.meanMs, 0.001);
    return Math.min(this.max, Math.floor(perMs * this.horizonMs));
  }
}
