import type { LibraryEntry, Quota } from '@alfie/core/contract';
import { formatDay } from '../i18n/index.js';
import { useWidget } from './context.js';
import { safeUrl } from './safe-url.js';

export function QuotaAnswer({ quota }: { quota: Quota }) {
  const { t, locale } = useWidget();
  if (quota.bypass) return <p class="msg bot">{t.quotaUnlimited}</p>;
  const units = ['images', 'videos', 'woofs'] as const;
  return (
    <div class="msg bot answer">
      <p>{t.quotaAnswer}</p>
      <ul class="quota-list">
        {units.map((unit) => (
          <li key={unit}>
            <strong>{t.quotaLine(quota.remaining[unit], unit)}</strong>
            <span class="of"> / {quota.limits[unit]}</span>
          </li>
        ))}
      </ul>
      <p class="muted">{t.resets(formatDay(quota.resetsAt, locale))}</p>
    </div>
  );
}

export function LibraryAnswer({ entries }: { entries: LibraryEntry[] }) {
  const { t, apiUrl } = useWidget();
  if (entries.length === 0) return <p class="msg bot">{t.libraryEmpty}</p>;
  return (
    <div class="msg bot answer wide">
      <p>{t.libraryTitle}</p>
      <ul class="library">
        {entries.map((entry) => {
          const cover = entry.assets[0];
          const href = safeUrl(cover?.url, apiUrl);
          const thumb = safeUrl(cover?.thumbnailUrl ?? (cover?.type === 'video' ? null : cover?.url), apiUrl);
          return (
            <li key={entry.orderId}>
              <a href={href} target="_blank" rel="noopener noreferrer">
                {thumb ? <img src={thumb} alt="" /> : <span class="thumb-fallback" aria-hidden="true" />}
                <span class="lib-format">
                  {t.formats[entry.format]}
                  {entry.assets.length > 1 ? ` · ${entry.assets.length}` : ''}
                </span>
                <span class="lib-topic">{entry.topic}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function HelpAnswer() {
  const { t, conversation } = useWidget();
  return (
    <div class="msg bot answer">
      <p>{t.helpTitle}</p>
      <ul class="help-list">
        {t.helpItems.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p class="muted">{t.helpHint}</p>
      <div class="chips">
        {t.suggestions.slice(0, 2).map((suggestion) => (
          <button key={suggestion} type="button" class="chip" onClick={() => void conversation.send(suggestion)}>
            {suggestion}
          </button>
        ))}
      </div>
    </div>
  );
}
