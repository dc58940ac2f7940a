import type { QuotaExceededDetails } from '../contract/errors.js';
import { isAlfieError } from '../errors/guards.js';
import type { ChatError } from './messages.js';

export type { ChatError } from './messages.js';

/** Whatever a request threw, as data the conversation can word and act on. */
export function toChatError(error: unknown): ChatError {
  if (isAlfieError(error)) {
    if (error.code === 'QUOTA_EXCEEDED') {
      const details = (error.details ?? {}) as Partial<QuotaExceededDetails>;
      return {
        code: 'QUOTA_EXCEEDED',
        remaining: error.remaining ?? details.remaining ?? { images: 0, videos: 0, woofs: 0 },
        resetsAt: error.resetsAt ?? details.resetsAt ?? '',
      };
    }
    return { code: error.code, message: error.message };
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** Errors a second try may fix: the network, a timeout, a busy or failing server. */
export const isRetryable = (error: ChatError): boolean =>
  error.code === 'NETWORK_ERROR' ||
  error.code === 'TIMEOUT' ||
  error.code === 'RATE_LIMITED' ||
  error.code === 'INTERNAL';
