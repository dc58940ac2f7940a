/**
 * What a user is told when an item fails: a stable code and words they can act on. Provider
 * replies, file paths and stacks never leave the server; they are logged under the order's ids
 * (classify.ts). Codes are the ProviderError reasons; anything else is INTERNAL.
 */
const MESSAGES: Record<string, string> = {
  SAFETY_BLOCK:
    'The image provider refused this request under its safety rules. Rephrase the topic and order again.',
  RATE_LIMITED: 'The image provider is busy. This item is retried automatically.',
  PROVIDER_UNAVAILABLE: 'The image provider is temporarily unavailable. This item is retried automatically.',
  TIMEOUT: 'The render took too long and was stopped.',
  NETWORK: 'The provider could not be reached.',
  PROVIDER_AUTH: 'The server is not allowed to use its provider. An operator must check its credentials.',
  PROVIDER_REJECTED: 'The provider rejected this request.',
  MALFORMED_RESPONSE: 'The provider answered with something that is not a usable result.',
  NO_IMAGE: 'The provider returned no image for this request. Try rephrasing the topic.',
  NO_OUTPUT: 'The provider finished without a result.',
  PREDICTION_FAILED: 'The provider could not render this item.',
  PREDICTION_CANCELED: 'The render was canceled at the provider.',
  UNSUPPORTED: 'This engine cannot render this kind of item.',
  DOWNLOAD_FAILED: 'The finished render could not be downloaded from the provider.',
  ENCODER_FAILED: 'The video could not be encoded.',
  NO_FFMPEG: 'The server has no video encoder. An operator must install one.',
  STORAGE_UNAVAILABLE: 'The file could not be stored right now.',
  STORAGE_REJECTED: 'The storage refused the file. An operator must check the storage settings.',
  WORKER_LOST: 'The worker rendering this item stopped too many times. The item was not charged.',
  INTERNAL: 'Something went wrong on the server while rendering this item.',
};

/**
 * `CODE: message`, the form item and job errors take in the API. An engine's own reason code
 * missing from the table keeps its code (a constant of the code, never data) with plain words.
 */
export function safeError(code: string, retryable = false): string {
  const message = MESSAGES[code];
  if (message !== undefined) return `${code}: ${message}`;
  if (!/^[A-Z][A-Z0-9_]{1,40}$/.test(code) || code === 'INTERNAL') return `INTERNAL: ${MESSAGES.INTERNAL}`;
  return `${code}: ${retryable ? 'The provider could not render this item right now.' : 'The provider could not render this item.'}`;
}

/** Turns a stored reason (`CODE: message`, or a bare code) into its safe form, whatever it says after the code. */
export function safeReason(reason: string): string {
  const code = /^([A-Z][A-Z_]+)(:|$)/.exec(reason)?.[1];
  return safeError(code ?? 'INTERNAL');
}
