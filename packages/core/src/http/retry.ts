import type { RetryOptions } from 'ky';

/**
 * How requests that are safe to repeat (GETs, and `generate` thanks to its Idempotency-Key) retry.
 * Spelled out rather than borrowed from ky so the published types never import an ESM-only package.
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
