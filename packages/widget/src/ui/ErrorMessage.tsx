import { formatDay } from '../i18n/index.js';
import type { ChatError, Draft } from '../state/types.js';
import { useWidget } from './context.js';

/** An error in the user's language, saying what to do, with a retry when one makes sense. */
export function ErrorMessage({ error, retry }: { error: ChatError; retry?: Draft | undefined }) {
  const { t, locale, conversation } = useWidget();
  return (
    <div class="msg bot error" role="alert">
      <p>{errorText(error, t, locale)}</p>
      {retry && error.code !== 'QUOTA_EXCEEDED' && (
        <button type="button" class="btn primary small" onClick={() => void conversation.retry(retry)}>
          {t.retry}
        </button>
      )}
    </div>
  );
}

function errorText(error: ChatError, t: ReturnType<typeof useWidget>['t'], locale: 'fr' | 'en'): string {
  switch (error.code) {
    case 'QUOTA_EXCEEDED': {
      const r = error.remaining;
      const parts = [t.quotaLine(r.images, 'images'), t.quotaLine(r.videos, 'videos'), t.quotaLine(r.woofs, 'woofs')];
      const remaining = `${parts.slice(0, -1).join(', ')} ${t.and} ${parts.at(-1)}`;
      return t.quotaExceeded(remaining, formatDay(error.resetsAt, locale));
    }
    case 'UNAUTHORIZED':
      return t.expired;
    case 'NETWORK_ERROR':
      return t.network;
    default:
      return t.generic(error.message);
  }
}
