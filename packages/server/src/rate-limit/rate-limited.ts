import type { Context } from 'hono';
import { ApiError } from '../errors.js';

/**
 * The error of a refused request: 429 RATE_LIMITED with Retry-After (seconds until the window
 * resets), which `@alfie/core` waits for before retrying.
 */
export function rateLimited(c: Context, resetTime: Date | undefined, what: string): ApiError {
  const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : 60;
  c.header('Retry-After', String(seconds));
  return new ApiError('RATE_LIMITED', `Too many ${what}: retry in ${seconds} s`, {
    details: { retryAfterSeconds: seconds },
  });
}
