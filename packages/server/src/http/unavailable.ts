import type { Context } from 'hono';
import { isDatabaseUnavailable } from '../db/faults.js';
import { ApiError } from '../errors.js';

/** Seconds a client waits before retrying while the database is away (a restart, a failover). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The answer to any request that met the database away: 503, code SERVICE_UNAVAILABLE and Retry-After,
 * never a 500 and never a crash. Null for any other error.
 */
export function databaseUnavailableResponse(error: unknown, c: Context): Response | null {
  if (!isDatabaseUnavailable(error)) return null;
  c.get('log')?.warn({ err: error }, 'database unavailable');
  c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  return c.json(
    new ApiError('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable; retry shortly').toBody(),
    503,
  );
}
