/**
 * The one error an engine or storage adapter throws. The worker reads only `retryable` and
 * `retryAfterMs`: retryable failures (429, 5xx, timeouts) requeue with backoff, anything else
 * (a safety block, invalid input) fails the item at once.
 */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  /** Short machine-readable reason, e.g. 'SAFETY_BLOCK', 'RATE_LIMITED', 'TIMEOUT', 'NO_IMAGE'. */
  readonly reason: string;

  constructor(
    message: string,
    options: { retryable: boolean; reason: string; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable;
    this.reason = options.reason;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}
