import { formatDay } from '../i18n/index.js';
import type { ChatError, Draft } from '../state/types.js';
import { useWidget } from './context.js';

/** An error in the user's language, saying what to do, with a retry when one makes sense. */
export function ErrorMessage({ error, retry }: { error: ChatError; retry?: Draft | undefined }) {
  const { t, locale, conversation } = useWidget();
  let text: string;
  if (error.code === 'QUOTA_EXCEEDED') {
    const r = error.remaining;
    const remaining = `${t.quotaLine(r.images, 'images')}, ${t.quotaLine(r.videos, 'videos')} ${t.and} ${t.quotaLine(r.woofs, 'woofs')}`;
    text = t.quotaExceeded(remaining, formatDay(error.resetsAt, locale));
  } else {
    text =
      error.code === 'UNAUTHORIZED'
        ? t.expired
        : error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT'
          ? t.network
          : error.code === 'CONFLICT'
            ? t.conflict
            : t.generic(error.message);
  }
  return (
    <div class="msg error" role="alert">
      <p>{text}</p>
      {retry && error.code !== 'QUOTA_EXCEEDED' && (
        <button type="button" class="btn primary small" onClick={() => void conversation.retry(retry)}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
