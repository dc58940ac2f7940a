import { isDatabaseUnavailable } from '../../db/faults.js';
import { isProviderError } from '../../engines/errors.js';
import type { QueueLogger } from '../../queue/types.js';
import { safeError } from './safe-errors.js';
import type { ItemResult } from './types.js';

/**
 * Sorts a render failure: an abort (cancel, shutdown) is neither a success nor a failure; an
 * ProviderError says itself whether it is retryable; anything else (a storage network error, a bug)
 * is treated as retryable, since max_attempts bounds it anyway. A database outage is rethrown:
 * the runner gives the whole job back without using an attempt.
 * The result's error is the safe, user-facing one (safe-errors.ts); the raw cause, which may hold
 * provider replies or server paths, is logged here with the job logger's order and job ids.
 */
export function classifyError(
  error: unknown,
  signal: AbortSignal,
  log?: QueueLogger,
  fields: object = {},
): ItemResult {
  if (signal.aborted) return { kind: 'aborted' };
  if (isDatabaseUnavailable(error)) throw error;
  const code = isProviderError(error) ? error.reason : 'INTERNAL';
  log?.warn({ ...fields, err: error, code }, 'item render failed');
  if (isProviderError(error)) {
    return error.retryable
      ? { kind: 'retry', error: safeError(code, true), retryAfterMs: error.retryAfterMs }
      : { kind: 'failed', error: safeError(code) };
  }
  return { kind: 'retry', error: safeError('INTERNAL') };
}
