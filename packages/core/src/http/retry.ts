import type { RetryOptions } from 'ky';

/** How requests that are safe to repeat (GETs, and `generate` thanks to its Idempotency-Key) retry. */
export type RetryConfig = Pick<RetryOptions, 'limit' | 'backoffLimit' | 'delay' | 'jitter' | 'maxRetryAfter'>;

/** Exponential backoff (300 ms, 600 ms, 1.2 s…) capped at 10 s, with "equal jitter" (50–100 %). */
export function backoffDelay(attempt: number, base = 300, cap = 10_000): number {
  const delay = Math.min(cap, base * 2 ** (attempt - 1));
  return delay / 2 + (Math.random() * delay) / 2;
}

/** ky retry options: network errors, 408, 429 (honouring Retry-After) and 5xx. */
export function kyRetryOptions(retry: number | RetryConfig | undefined): RetryOptions {
  const config = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  return {
    limit: 2,
    delay: (attempt) => 300 * 2 ** (attempt - 1),
    backoffLimit: 10_000,
    jitter: (delay) => delay / 2 + (Math.random() * delay) / 2,
    ...config,
    methods: ['get', 'post'],
    statusCodes: [408, 429, 500, 502, 503, 504],
    afterStatusCodes: [429, 503],
  };
}
