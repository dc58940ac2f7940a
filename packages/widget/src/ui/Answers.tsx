import type { LibraryEntry, Quota } from '@alfie/core/contract';
import { formatDay } from '../i18n/index.js';
import { Chips } from './Composer.js';
import { useWidget } from './context.js';
import { useSafeUrl } from './Download.js';

export function QuotaAnswer({ quota }: { quota: Quota }) {
  const { t, locale } = useWidget();
  if (quota.bypass) return <p class="msg">{t.quotaUnlimited}</p>;
  return (
    <div class="msg">
      <p>{t.quotaAnswer}</p>
      <ul class="list">
        {(['images', 'videos', 'woofs'] as const).map((unit) => (
          <li key={unit}>
            <strong>{t.quotaLine(quota.remaining[unit], unit)}</strong> / {quota.limits[unit]}
          </li>
        ))}
      </ul>
      <p class="mu">{t.resets(formatDay(quota.resetsAt, locale))}</p>
    </div>
  );
}

export function LibraryAnswer({ entries }: { entries: LibraryEntry[] }) {
  const { t } = useWidget();
  const safe = useSafeUrl();
  if (entries.length === 0) return <p class="msg">{t.libraryEmpty}</p>;
  return (
    <div class="msg">
      <p>{t.libraryTitle}</p>
      <ul class="lib">
        {entries.map(({ orderId, assets, format, topic }) => {
          const cover = assets[0];
          const thumb = safe(cover?.thumbnailUrl ?? (format === 'video' ? null : cover?.url));
          return (
            <li key={orderId}>
              <a href={safe(cover?.url)} target="_blank" rel="noopener noreferrer" title={topic}>
                {thumb ? <img src={thumb} alt="" /> : <i />}
                {t.formats[format]}
                {assets.length > 1 && ` · ${assets.length}`}
                <br />
                {topic}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function HelpAnswer() {
  const { t } = useWidget();
  return (
    <div class="msg">
      <p>{t.helpTitle}</p>
      <ul class="list">
        {t.helpItems.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p class="mu">{t.helpHint}</p>
      <Chips items={t.suggestions.slice(0, 2)} />
    </div>
  );
}

/** A short friendly answer with two requests to tap (greetings, thanks, "?"). */
export function SocialAnswer({ text }: { text: string }) {
  const { t } = useWidget();
  return (
    <div class="msg">
      <p>{text}</p>
      <Chips items={t.suggestions.slice(0, 2)} />
    </div>
  );
}
