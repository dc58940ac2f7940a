/** Stable error codes: the server answers with these, core raises them. Never rename one. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'QUOTA_EXCEEDED',
  'RATE_LIMITED',
  'CONFLICT',
  'INTERNAL',
  /** The server cannot reach its database right now: retry after the Retry-After header's seconds. */
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The HTTP statuses each code is sent with, the first being its usual one. The server takes a
 * code's status from here and the client reads a bare status (a proxy's page, an empty body) back
 * into its code, so both sides agree by construction. A refused body keeps VALIDATION_FAILED at
 * 413 or 415: the code says what the caller must fix, the status says why to an HTTP cache or proxy.
 */
export const ERROR_STATUSES = {
  VALIDATION_FAILED: [400, 413, 415, 422],
  UNAUTHORIZED: [401],
  FORBIDDEN: [403],
  NOT_FOUND: [404],
  QUOTA_EXCEEDED: [402],
  RATE_LIMITED: [429],
  CONFLICT: [409],
  INTERNAL: [500, 501],
  SERVICE_UNAVAILABLE: [503],
} as const satisfies Record<ErrorCode, readonly [number, ...number[]]>;

/** The statuses a given code may be sent with. */
export type ErrorStatus<C extends ErrorCode = ErrorCode> = (typeof ERROR_STATUSES)[C][number];

/** The usual HTTP status of a code. */
export function statusForCode(code: ErrorCode): ErrorStatus {
  return ERROR_STATUSES[code][0];
}

/** The code of a status answered without an error body; INTERNAL for a status no code is sent with. */
export function codeForStatus(status: number): ErrorCode {
  for (const code of ERROR_CODES) {
    if ((ERROR_STATUSES[code] as readonly number[]).includes(status)) return code;
  }
  return 'INTERNAL';
}

/** One field that failed validation. `path` is a JSON pointer into the request body or query. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export interface QuotaCounts {
  images: number;
  videos: number;
  woofs: number;
}

/** `details` of a QUOTA_EXCEEDED error. */
export interface QuotaExceededDetails {
  remaining: QuotaCounts;
  requested: QuotaCounts;
  resetsAt: string;
}

/** The only error shape the server ever answers with. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: unknown;
  };
}
