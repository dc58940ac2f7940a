import type { Asset } from '@alfie/core/contract';
import type { Draft } from '../state/types.js';
import { useWidget } from './context.js';
import { DownloadIcon } from './icons.js';
import { safeUrl } from './safe-url.js';

export function VideoResult({ asset, draft }: { asset: Asset; draft: Draft }) {
  const { t, apiUrl } = useWidget();
  const src = safeUrl(asset.url, apiUrl);
  if (!src) return null;
  return (
    <div class="video">
      {/* biome-ignore lint/a11y/useMediaCaption: generated marketing clips have no speech to caption. */}
      <video
        src={src}
        poster={safeUrl(asset.thumbnailUrl, apiUrl)}
        controls
        playsInline
        preload="metadata"
        aria-label={t.videoLabel(draft.topic)}
        style={{ aspectRatio: draft.ratio.replace(':', ' / ') }}
      />
      <a class="download" href={src} download target="_blank" rel="noopener noreferrer">
        <DownloadIcon />
        {t.download}
      </a>
    </div>
  );
}
