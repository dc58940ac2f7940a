import { AlfieError } from './alfie-error.js';

/** The server could not be reached (DNS, refused connection, dropped socket, CORS). */
export class AlfieNetworkError extends AlfieError {
  declare readonly code: 'NETWORK_ERROR';

  constructor(message: string, cause?: unknown) {
    super('NETWORK_ERROR', message, { cause });
    this.name = 'AlfieNetworkError';
  }
}

/** No response within the client's `timeout`. */
export class AlfieTimeoutError extends AlfieError {
  declare readonly code: 'TIMEOUT';

  constructor(message: string, cause?: unknown) {
    super('TIMEOUT', message, { cause });
    this.name = 'AlfieTimeoutError';
  }
}
