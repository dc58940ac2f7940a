import { codeForStatus, type ErrorStatus } from '@alfie/core/contract';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, noRoute } from '../errors.js';
import { databaseUnavailableResponse } from './unavailable.js';

/**
 * The one writer of error bodies: every route throws, and this turns what it threw into
 * `{ error: { code, message, details? } }` with the code's status from the contract's table.
 * Hono's own 4xx (an HTTPException) keeps its status and gets the code the table gives it; anything
 * else is an INTERNAL 500 whose cause stays in the log, never in the answer.
 *
 * @example
 * app.onError(errorHandler);
 * app.notFound(notFoundHandler);
 */
export function errorHandler(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(error.toBody(), error.status);
  if (error instanceof HTTPException && error.status < 500) {
    const code = codeForStatus(error.status);
    // A 4xx the table does not list (405, 418…) is still the caller's mistake, not ours.
    const refused =
      code === 'INTERNAL'
        ? new ApiError('VALIDATION_FAILED', error.message || 'Bad request')
        : new ApiError(code, error.message || 'Bad request', {
            status: error.status as ErrorStatus<typeof code>,
          });
    return c.json(refused.toBody(), refused.status);
  }
  const unavailable = databaseUnavailableResponse(error, c);
  if (unavailable) return unavailable;
  c.get('log')?.error({ err: error }, 'unhandled error');
  return c.json(new ApiError('INTERNAL', 'Internal server error').toBody(), 500);
}

export function notFoundHandler(c: Context): Response {
  return c.json(noRoute(c.req.method, c.req.path).toBody(), 404);
}
