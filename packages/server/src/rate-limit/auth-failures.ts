import type { Context } from 'hono';
import type { Queryable } from '../db/types.js';
import type { LimitsConfig } from '../limits-config.js';
import { clientIp } from './client-ip.js';
import { PostgresRateLimitStore } from './postgres-store.js';
import { rateLimited } from './rate-limited.js';

/**
 * RATE_LIMIT_AUTH_FAILURES: refused credentials per client IP and window. Past the limit, the IP
 * gets 429 instead of 401, and unknown API keys are not even looked up, so guessing keys or
 * tokens is throttled without costing legitimate callers anything (only failures are counted).
 *
 * @example
 * const failures = authFailureLimit(db, config.limits);
 * await failures.check(c);      // before an uncached key lookup: 429 when the IP is over the limit
 * throw await failures.failed(c, unauthorized()); // counts, then 401, or 429 past the limit
 */
export function authFailureLimit(db: Queryable, limits: LimitsConfig) {
  const max = limits.rateLimits?.authFailures ?? 0;
  const store = max
    ? new PostgresRateLimitStore(db, 'auth-failures', limits.rateLimits!.windowSeconds)
    : null;
  return {
    async check(c: Context): Promise<void> {
      if (!store) return;
      const count = await store.get(clientIp(c, limits.trustProxy));
      if (count && count.totalHits >= max) throw rateLimited(c, count.resetTime, 'failed authentications');
    },
    async failed(c: Context, error: Error): Promise<Error> {
      if (!store) return error;
      const count = await store.increment(clientIp(c, limits.trustProxy));
      return count.totalHits > max ? rateLimited(c, count.resetTime, 'failed authentications') : error;
    },
  };
}
