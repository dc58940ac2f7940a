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
  'UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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
