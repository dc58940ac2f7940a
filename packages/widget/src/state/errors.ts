import { isAlfieError } from '@alfie/core';
import type { QuotaExceededDetails } from '@alfie/core/contract';
import type { ChatError } from './types.js';

/** Turns whatever a request threw into an error the conversation can explain and act on. */
export function toChatError(error: unknown): ChatError {
  if (isAlfieError(error)) {
    if (error.code === 'QUOTA_EXCEEDED') {
      const details = (error.details ?? {}) as Partial<QuotaExceededDetails>;
      const typed = error as { remaining?: QuotaExceededDetails['remaining']; resetsAt?: string };
      return {
        code: 'QUOTA_EXCEEDED',
        remaining: typed.remaining ?? details.remaining ?? { images: 0, videos: 0, woofs: 0 },
        resetsAt: typed.resetsAt ?? details.resetsAt ?? '',
      };
    }
    if (error.code === 'UNAUTHORIZED') return { code: 'UNAUTHORIZED' };
    if (error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT') return { code: 'NETWORK_ERROR' };
    return { code: 'OTHER', message: error.message };
  }
  return { code: 'OTHER', message: error instanceof Error ? error.message : String(error) };
}
