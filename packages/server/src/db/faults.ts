/**
 * PostgreSQL being away (restarted, failed over, a pooler reset, backends terminated) is not a bug
 * in the request or the job that met it: the API answers 503 with Retry-After, and a worker gives
 * the job back without using an attempt. pg.ts turns such failures into this one error.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(cause: unknown) {
    super(`Database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

// SQLSTATE class 08 (connection exception) and the shutdown/startup codes of class 57P.
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// 08P01 (protocol violation, e.g. a statement sent with the wrong number of parameters) is in class
// 08 but is our bug, not an outage: treated as unavailable, a job would be handed back forever
// without ever using an attempt.
const OUR_BUGS = new Set(['08P01']);
const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
// node-postgres reports a dropped socket and a full pool with plain Errors, not codes.
const MESSAGES = [
  'Connection terminated',
  'connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'terminating connection due to administrator command',
  // ALTER DATABASE … ALLOW_CONNECTIONS false (maintenance), SQLSTATE 55000 shared with unrelated errors.
  'is not currently accepting connections',
];

/** True for an error that means "the database cannot be reached right now". */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof DatabaseUnavailableError || error.name === 'DatabaseUnavailableError') return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && OUR_BUGS.has(code)) return false;
  if (typeof code === 'string' && (SQLSTATES.has(code) || code.startsWith('08') || NODE_CODES.has(code))) {
    return true;
  }
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return MESSAGES.some((m) => error.message.includes(m));
}

/** Rethrows a connection failure as DatabaseUnavailableError; anything else unchanged. */
export function asDatabaseError(error: unknown): unknown {
  return isDatabaseUnavailable(error) && !(error instanceof DatabaseUnavailableError)
    ? new DatabaseUnavailableError(error)
    : error;
}
