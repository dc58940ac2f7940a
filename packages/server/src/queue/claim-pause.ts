import type { QueueLogger } from './types.js';

/** Longest pause of claims while the database is away; the first is 500 ms, then doubling. */
const MAX_PAUSE_MS = 10_000;

/**
 * Claims paused while the database is unreachable: no claim for a while (500 ms, doubling up to
 * 10 s), one warning when the pause starts rather than one error per poll, and one line when a
 * claim works again. `retry` runs when a pause ends.
 *
 * @example
 * const pause = new ClaimPause(log, workerId, () => runner.wake());
 * if (pause.active) return; // in wake()
 */
export class ClaimPause {
  private delayMs = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly log: QueueLogger,
    private readonly workerId: string,
    private readonly retry: () => void,
  ) {}

  /** A pause is running: wake-ups wait for its end. */
  get active(): boolean {
    return this.timer !== null;
  }

  start(error: unknown): void {
    if (this.delayMs === 0) {
      this.log.warn({ err: error, workerId: this.workerId }, 'database unavailable: claims paused');
    }
    this.delayMs = Math.min(Math.max(500, this.delayMs * 2), MAX_PAUSE_MS);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.retry();
    }, this.delayMs);
    this.timer.unref();
  }

  /** A claim worked. */
  end(): void {
    if (this.delayMs === 0) return;
    this.delayMs = 0;
    this.log.info({ workerId: this.workerId }, 'database reachable again: claims resumed');
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
