export type { AlfieErrorCode, AlfieErrorInit } from './alfie-error.js';
export { ALFIE_ERROR_BRAND, AlfieError } from './alfie-error.js';
export { errorFromResponse } from './from-response.js';
export type { AnyAlfieError } from './guards.js';
export { isAlfieError, isAlfieHttpError, isQuotaExceededError } from './guards.js';
export { AlfieHttpError, AlfieValidationError, QuotaExceededError } from './http-errors.js';
export { AlfieNetworkError, AlfieTimeoutError } from './transport-errors.js';
