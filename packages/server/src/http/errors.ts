import type { ErrorBody, ErrorCode, ValidationIssue } from '@alfie/core/contract';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The only way a route reports a failure: thrown, then turned into `{ error: { code, message, details? } }`
 * by the app's error handler.
 *
 * @example
 * throw new ApiError(404, 'NOT_FOUND', 'Order not found');
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what} not found`);

export const validationFailed = (
  message: string,
  issues?: ValidationIssue[],
  status: ContentfulStatusCode = 400,
) => new ApiError(status, 'VALIDATION_FAILED', message, issues ? { issues } : undefined);

export const unauthorized = (message = 'A valid bearer token or API key is required') =>
  new ApiError(401, 'UNAUTHORIZED', message);

export const forbidden = (message: string) => new ApiError(403, 'FORBIDDEN', message);

export const conflict = (message: string) => new ApiError(409, 'CONFLICT', message);
