import type { ErrorCode } from '../contract/errors.js';

/** Every error core raises carries this brand; guards check it so that two copies of core still agree. */
export const ALFIE_ERROR_BRAND: unique symbol = Symbol.for('alfie.error') as never;

/** Codes core raises: the server's codes plus the two that never reach a server. */
export type AlfieErrorCode = ErrorCode | 'NETWORK_ERROR' | 'TIMEOUT';

export interface AlfieErrorInit {
  status?: number;
  details?: unknown;
  requestId?: string;
  cause?: unknown;
}

/**
 * Base of every error thrown by `@alfie/core`. Check it with `isAlfieError(error)`, not `instanceof`,
 * then switch on `error.code`.
 *
 * @example
 * try { await client.generate(req) } catch (error) {
 *   if (isAlfieError(error) && error.code === 'QUOTA_EXCEEDED') showUpgrade(error.resetsAt);
 * }
 */
export class AlfieError extends Error {
  readonly [ALFIE_ERROR_BRAND] = true;
  readonly code: AlfieErrorCode;
  /** HTTP status, when the server answered. */
  readonly status?: number;
  readonly details?: unknown;
  /** The server's `x-request-id`, to quote in a bug report. */
  readonly requestId?: string;

  constructor(code: AlfieErrorCode, message: string, init: AlfieErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AlfieError';
    this.code = code;
    this.status = init.status;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}
