import { isHTTPError, isTimeoutError } from 'ky';
import { errorFromResponse } from '../errors/from-response.js';
import { isAlfieError } from '../errors/guards.js';
import { AlfieNetworkError, AlfieTimeoutError } from '../errors/transport-errors.js';

/**
 * Maps whatever ky or fetch threw to core's error model. An abort by the caller's signal is passed
 * through untouched (the caller asked for it; it is not an Alfie failure).
 */
export async function toAlfieError(error: unknown, signal?: AbortSignal): Promise<unknown> {
  if (signal?.aborted) return signal.reason ?? error;
  if (isAlfieError(error)) return error;
  if (isHTTPError(error)) return errorFromResponse(error.response);
  if (isTimeoutError(error)) return new AlfieTimeoutError(error.message, error);
  if ((error as Error | undefined)?.name === 'AbortError') return error;
  return new AlfieNetworkError((error as Error | undefined)?.message || 'Network error', error);
}
