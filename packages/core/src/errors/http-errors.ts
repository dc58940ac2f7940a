import type { ErrorCode, QuotaCounts, QuotaExceededDetails, ValidationIssue } from '../contract/errors.js';
import { AlfieError, type AlfieErrorInit } from './alfie-error.js';

/** The server answered with an error body (`{ error: { code, message, details? } }`). */
export class AlfieHttpError<C extends ErrorCode = ErrorCode> extends AlfieError {
  declare readonly code: C;
  declare readonly status: number;

  constructor(code: C, message: string, init: AlfieErrorInit & { status: number }) {
    super(code, message, init);
    this.name = 'AlfieHttpError';
  }
}

/** The request was rejected by the server's schema. `issues` points at each bad field. */
export class AlfieValidationError extends AlfieHttpError<'VALIDATION_FAILED'> {
  readonly issues: ValidationIssue[];

  constructor(message: string, init: AlfieErrorInit & { status: number }) {
    super('VALIDATION_FAILED', message, init);
    this.name = 'AlfieValidationError';
    const details = init.details as { issues?: ValidationIssue[] } | ValidationIssue[] | undefined;
    this.issues = Array.isArray(details) ? details : (details?.issues ?? []);
  }
}

/** The brand's monthly quota cannot cover the order. Nothing was reserved. */
export class QuotaExceededError extends AlfieHttpError<'QUOTA_EXCEEDED'> {
  /** What is left this period. */
  readonly remaining: QuotaCounts;
  /** What the refused order would have cost. */
  readonly requested: QuotaCounts | null;
  /** ISO instant when the counters restart. */
  readonly resetsAt: string;

  constructor(message: string, init: AlfieErrorInit & { status: number }) {
    super('QUOTA_EXCEEDED', message, init);
    this.name = 'QuotaExceededError';
    const details = (init.details ?? {}) as Partial<QuotaExceededDetails>;
    this.remaining = details.remaining ?? { images: 0, videos: 0, woofs: 0 };
    this.requested = details.requested ?? null;
    this.resetsAt = details.resetsAt ?? '';
  }
}
