/**
 * Why a provider (an engine or a storage) failed. A closed list, so metrics labels, logs and the
 * worker's retry decision never meet a reason nobody handles; a new failure picks one of these or
 * adds one here.
 */
export const PROVIDER_ERROR_REASONS = [
  // Transport and provider health (usually retryable)
  'NETWORK',
  'TIMEOUT',
  'RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'STORAGE_UNAVAILABLE',
  // The provider refused or answered something unusable (permanent)
  'PROVIDER_AUTH',
  'PROVIDER_REJECTED',
  'STORAGE_REJECTED',
  'MALFORMED_RESPONSE',
  'SAFETY_BLOCK',
  'NO_IMAGE',
  'NO_OUTPUT',
  'DOWNLOAD_FAILED',
  'UNSUPPORTED',
  // Remote renders
  'PREDICTION_FAILED',
  'PREDICTION_CANCELED',
  // Local rendering
  'NO_FFMPEG',
  'ENCODER_FAILED',
  // The caller gave up (cancel or shutdown)
  'ABORTED',
] as const;
export type ProviderErrorReason = (typeof PROVIDER_ERROR_REASONS)[number];

/**
 * The one error an engine or storage adapter throws. The worker reads only `retryable` and
 * `retryAfterMs`: retryable failures (429, 5xx, timeouts) requeue with backoff, anything else
 * (a safety block, invalid input) fails the item at once.
 *
 * @example
 * throw new ProviderError('Gemini did not answer in time', { retryable: true, reason: 'TIMEOUT' });
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly reason: ProviderErrorReason;

  constructor(
    message: string,
    options: { retryable: boolean; reason: ProviderErrorReason; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable;
    this.reason = options.reason;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
