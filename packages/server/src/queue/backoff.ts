/**
 * Delay before the next attempt of a job that failed with a retryable error: 2^attempts × base
 * (60 s by default, so a provider that is down gets minutes, not a hammering), or the provider's Retry-After when that is longer. The claim
 * SQL computes the same thing in the database (src/sql/queue/requeue-job.ts); this mirror is for
 * logs and tests.
 *
 * @example
 * backoffMs(1, 60_000); // 120_000: the first retry waits two minutes
 */
export function backoffMs(attempts: number, baseMs: number, retryAfterMs?: number): number {
  return Math.max(2 ** attempts * baseMs, retryAfterMs ?? 0);
}
