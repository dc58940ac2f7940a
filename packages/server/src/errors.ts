import {
  type ErrorBody,
  type ErrorCode,
  type ErrorStatus,
  statusForCode,
  type ValidationIssue,
} from '@alfie/core/contract';

/**
 * The only way a route reports a failure: thrown, then turned into `{ error: { code, message, details? } }`
 * by the app's error handler. The status comes from the contract's code table (ERROR_STATUSES);
 * `status` picks another of the statuses that code is listed with, and TypeScript refuses the rest.
 *
 * @example
 * throw new ApiError('NOT_FOUND', 'Order not found');
 * throw new ApiError('VALIDATION_FAILED', 'Content-Type must be application/json', { status: 415 });
 */
export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  override readonly name = 'ApiError';
  readonly status: ErrorStatus;
  readonly details: unknown;

  constructor(
    readonly code: C,
    message: string,
    options: { details?: unknown; status?: ErrorStatus<C> } = {},
  ) {
    super(message);
    this.status = options.status ?? statusForCode(code);
    this.details = options.details;
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

export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what} not found`);

export const validationFailed = (
  message: string,
  issues?: ValidationIssue[],
  status: ErrorStatus<'VALIDATION_FAILED'> = 400,
) => new ApiError('VALIDATION_FAILED', message, { details: issues ? { issues } : undefined, status });

export const unauthorized = (message = 'A valid bearer token or API key is required') =>
  new ApiError('UNAUTHORIZED', message);

export const forbidden = (message: string) => new ApiError('FORBIDDEN', message);

export const conflict = (message: string) => new ApiError('CONFLICT', message);

/** What an unknown route answers; hidden routes (admin, metrics) answer exactly the same. */
export const noRoute = (method: string, path: string) =>
  new ApiError('NOT_FOUND', `No route for ${method} ${path}`);
