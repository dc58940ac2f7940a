import { codeForStatus, ERROR_CODES, type ErrorBody } from '../contract/errors.js';
import type { AlfieErrorInit } from './alfie-error.js';
import { AlfieHttpError, AlfieValidationError, QuotaExceededError } from './http-errors.js';

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
