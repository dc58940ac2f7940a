import type { ErrorCode } from '../contract/errors.js';
import { ALFIE_ERROR_BRAND } from './alfie-error.js';
import type { AlfieHttpError, AlfieValidationError, QuotaExceededError } from './http-errors.js';
import type { AlfieNetworkError, AlfieTimeoutError } from './transport-errors.js';

/**
 * Every error core raises, as a union discriminated by `code`:
 * `if (error.code === 'QUOTA_EXCEEDED') error.resetsAt` type-checks.
 */
export type AnyAlfieError =
  | QuotaExceededError
  | AlfieValidationError
  | AlfieHttpError<Exclude<ErrorCode, 'QUOTA_EXCEEDED' | 'VALIDATION_FAILED'>>
  | AlfieNetworkError
  | AlfieTimeoutError;

/**
 * True for any error raised by `@alfie/core`, even from another copy of the package (checks a brand).
 *
 * @example
 * if (isAlfieError(error) && error.code === 'UNAUTHORIZED') signIn();
 */
export function isAlfieError(error: unknown): error is AnyAlfieError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[ALFIE_ERROR_BRAND] === true
  );
}

/** True when the server answered (any HTTP error status). */
export function isAlfieHttpError(
  error: unknown,
): error is Exclude<AnyAlfieError, AlfieNetworkError | AlfieTimeoutError> {
  return isAlfieError(error) && typeof error.status === 'number';
}

/** True for a QUOTA_EXCEEDED refusal; gives `remaining` and `resetsAt`. */
export function isQuotaExceededError(error: unknown): error is QuotaExceededError {
  return isAlfieError(error) && error.code === 'QUOTA_EXCEEDED';
}
