import type { Asset } from '@alfie/core/contract';
import type { Draft } from '../state/types.js';
import { useWidget } from './context.js';
import { DownloadIcon } from './icons.js';
import { safeUrl } from './safe-url.js';

/** One or more images, each with its download link; placeholders hold the place of those still rendering. */
export function ImageResults({ assets, expected, draft }: { assets: Asset[]; expected: number; draft: Draft }) {
  const { t, apiUrl } = useWidget();
  const total = Math.max(expected, assets.length);
  const ratio = draft.ratio.replace(':', ' / ');
  return (
    <ul class={total > 1 ? 'images multi' : 'images'}>
      {Array.from({ length: total }, (_, i) => {
        const asset = assets[i];
        const src = safeUrl(asset?.url, apiUrl);
        return (
          <li key={asset?.id ?? `pending-${i}`}>
            {asset && src ? (
              <>
                <img src={src} alt={t.imageAlt(draft.topic, i + 1)} style={{ aspectRatio: ratio }} />
                <a class="download" href={src} download target="_blank" rel="noopener noreferrer">
                  <DownloadIcon />
                  {total > 1 ? `${t.download} ${i + 1}` : t.download}
                </a>
              </>
            ) : (
              <div class="placeholder" style={{ aspectRatio: ratio }}>
                <span>{t.preparing}</span>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
