import { isProviderError, ProviderError } from './errors.js';
import { simulatedLatency } from './latency.js';

export interface InlineRetryOptions {
  signal?: AbortSignal;
  /** Calls in all, the first included. Default 3. */
  attempts?: number;
  /**
   * Longest wait spent inside the worker slot. A provider asking for more (a per-minute quota
   * reset in 40 s, say) gets the error back with its retryAfterMs, and the worker requeues the job
   * for then instead of holding a slot idle.
   */
  maxInlineDelayMs?: number;
  /** Backoff when the provider gives no delay: base × 2^(attempt-1). Default 1 000. */
  baseDelayMs?: number;
}

/**
 * Runs a provider call, retrying retryable ProviderErrors in place while the wait is short. A
 * provider's own delay (RetryInfo, Retry-After) is always honoured: we never call back sooner.
 *
 * @example
 * const response = await withInlineRetries(() => callProvider(), { signal, attempts: 3 });
 */
export async function withInlineRetries<T>(
  call: (attempt: number) => Promise<T>,
  options: InlineRetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 3;
  const maxInline = options.maxInlineDelayMs ?? 10_000;
  const base = options.baseDelayMs ?? 1_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      if (!isProviderError(error) || !error.retryable || attempt >= attempts) throw error;
      const delay = error.retryAfterMs ?? base * 2 ** (attempt - 1);
      if (delay > maxInline) throw error;
      await simulatedLatency(delay, options.signal);
    }
  }
}

/** Parses a Retry-After header: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** An HTTP status from a provider as an ProviderError: 408/429/5xx retryable, the rest permanent. */
export function httpStatusError(
  provider: string,
  status: number,
  detail: string,
  retryAfterMs?: number,
): ProviderError {
  const retryable = status === 408 || status === 429 || status >= 500;
  const reason =
    status === 429
      ? 'RATE_LIMITED'
      : status >= 500
        ? 'PROVIDER_UNAVAILABLE'
        : status === 408
          ? 'TIMEOUT'
          : status === 401 || status === 403
            ? 'PROVIDER_AUTH'
            : 'PROVIDER_REJECTED';
  return new ProviderError(`${provider} answered ${status}: ${detail}`, { retryable, reason, retryAfterMs });
}
