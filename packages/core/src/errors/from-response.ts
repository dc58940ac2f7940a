import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../contract/errors.js';
import type { AlfieErrorInit } from './alfie-error.js';
import { AlfieHttpError, AlfieValidationError, QuotaExceededError } from './http-errors.js';

/** Best guess when a proxy or an old server answers without the error body. */
function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'UNAVAILABLE';
  return 'INTERNAL';
}

/** Turns a non-2xx response into the matching AlfieHttpError subclass. Never throws. */
export async function errorFromResponse(response: Response): Promise<AlfieHttpError> {
  let body: Partial<ErrorBody['error']> = {};
  try {
    body = ((await response.json()) as ErrorBody).error ?? {};
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back to the status.
  }
  const code =
    body.code && (ERROR_CODES as readonly string[]).includes(body.code)
      ? body.code
      : codeForStatus(response.status);
  const message = body.message ?? `HTTP ${response.status} ${response.statusText}`.trim();
  const init: AlfieErrorInit & { status: number } = {
    status: response.status,
    details: body.details,
    requestId: response.headers.get('x-request-id') ?? undefined,
  };
  if (code === 'QUOTA_EXCEEDED') return new QuotaExceededError(message, init);
  if (code === 'VALIDATION_FAILED') return new AlfieValidationError(message, init);
  return new AlfieHttpError(code, message, init);
}
