import { ApiError } from '@google/genai';
import { isProviderError, ProviderError } from '../errors.js';
import { abortError } from '../latency.js';
import { httpStatusError } from '../retry.js';

interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: Array<{ '@type'?: string; retryDelay?: string }>;
  };
}

/**
 * Gemini sends no Retry-After header: a 429 RESOURCE_EXHAUSTED carries its delay in the body, as a
 * `google.rpc.RetryInfo` entry of `error.details[]` whose `retryDelay` is a protobuf Duration with
 * up to nine decimals, e.g. "34.4s" (https://github.com/vercel/ai/issues/18627,
 * https://github.com/googleapis/python-genai/pull/2114).
 */
export function retryDelayMs(body: GoogleErrorBody): number | undefined {
  const info = body.error?.details?.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'));
  const match = info?.retryDelay ? /^(\d+(?:\.\d+)?)s$/.exec(info.retryDelay) : null;
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

/**
 * Turns whatever the @google/genai SDK threw into our ProviderError. The SDK throws `ApiError` with
 * the HTTP status and the JSON error body as its message; 429 / RESOURCE_EXHAUSTED and 5xx are
 * retryable (with RetryInfo's delay when present), other 4xx are permanent. A per-attempt timeout
 * (httpOptions.timeout) aborts the fetch: retryable. A body that is not JSON: retryable.
 */
export function toProviderError(error: unknown, signal?: AbortSignal): ProviderError {
  if (signal?.aborted) return abortError(signal);
  if (isProviderError(error)) return error;
  if (error instanceof ApiError) {
    let body: GoogleErrorBody = {};
    try {
      body = JSON.parse(error.message) as GoogleErrorBody;
    } catch {
      // A non-JSON error body: keep the status only.
    }
    const status = body.error?.status === 'RESOURCE_EXHAUSTED' ? 429 : error.status;
    const detail = body.error?.message ?? error.message;
    return httpStatusError(
      'Gemini',
      status,
      `${body.error?.status ?? ''} ${detail}`.trim(),
      retryDelayMs(body),
    );
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'AbortError' || name === 'TimeoutError') {
    return new ProviderError('Gemini did not answer in time', {
      retryable: true,
      reason: 'TIMEOUT',
      cause: error,
    });
  }
  if (error instanceof SyntaxError) {
    return new ProviderError(`Gemini sent a malformed response: ${error.message}`, {
      retryable: true,
      reason: 'MALFORMED_RESPONSE',
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(`Gemini request failed: ${message}`, {
    retryable: true,
    reason: 'NETWORK',
    cause: error,
  });
}
