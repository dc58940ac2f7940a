/**
 * How requests that are safe to repeat (GETs, and `generate` thanks to its Idempotency-Key) retry.
 * Spelled out so the published types stand on their own.
 */
export interface RetryConfig {
  /** Retries after the first attempt. Default 2. */
  limit?: number;
  /** Delay before retry n (from 1), in ms. Default 300 × 2^(n-1). */
  delay?: (attempt: number) => number;
  /** Longest delay, in ms. Default 10000. */
  backoffLimit?: number;
  /** Randomises each delay. Default: 50–100 % of it. `true` is 0–100 %. */
  jitter?: boolean | ((delay: number) => number);
  /** Give up when Retry-After asks for longer than this, in ms. */
  maxRetryAfter?: number;
}

/** Exponential backoff (300 ms, 600 ms, 1.2 s…) capped at 10 s, with "equal jitter" (50–100 %). */
export function backoffDelay(attempt: number, base = 300, cap = 10_000): number {
  const delay = Math.min(cap, base * 2 ** (attempt - 1));
  return delay / 2 + (Math.random() * delay) / 2;
}

/** Statuses worth another try: the server may answer next time. 429 and 503 may say when (Retry-After). */
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

/**
 * The wait before retry `attempt` (from 1) after `response` (undefined after a network error), or
 * null when the request must not be tried again: the limit is reached, the status is final (4xx), or
 * Retry-After asks for longer than `maxRetryAfter`.
 */
export function retryPolicy(retry: number | RetryConfig | undefined) {
  const config = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  const { limit = 2, backoffLimit = 10_000, maxRetryAfter = Number.POSITIVE_INFINITY } = config;
  const delay = config.delay ?? ((attempt: number) => 300 * 2 ** (attempt - 1));
  const jitter =
    config.jitter === true
      ? (ms: number) => Math.random() * ms
      : config.jitter === false
        ? (ms: number) => ms
        : (config.jitter ?? ((ms: number) => ms / 2 + (Math.random() * ms) / 2));
  return (attempt: number, response?: Response): number | null => {
    if (attempt > limit || (response && !RETRY_STATUSES.includes(response.status))) return null;
    const after = response && (response.status === 429 || response.status === 503) && retryAfter(response);
    if (typeof after === 'number') return after > maxRetryAfter ? null : after;
    return jitter(Math.min(backoffLimit, delay(attempt)));
  };
}

/** Retry-After in ms: seconds, or an HTTP date. Undefined when absent or unreadable. */
function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
