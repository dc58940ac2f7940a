import { isProviderError } from '../../engines/errors.js';
import type { ItemResult } from './types.js';

/**
 * Sorts a render failure: an abort (cancel, shutdown) is neither a success nor a failure; an
 * ProviderError says itself whether it is retryable; anything else (a storage network error, a bug)
 * is treated as retryable, since max_attempts bounds it anyway.
 */
export function classifyError(error: unknown, signal: AbortSignal): ItemResult {
  if (signal.aborted) return { kind: 'aborted' };
  const message = error instanceof Error ? error.message : String(error);
  if (isProviderError(error)) {
    return error.retryable
      ? { kind: 'retry', error: `${error.reason}: ${message}`, retryAfterMs: error.retryAfterMs }
      : { kind: 'failed', error: `${error.reason}: ${message}` };
  }
  return { kind: 'retry', error: message };
}
