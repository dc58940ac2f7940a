import type { Asset } from '@alfie/core/contract';
import type { Draft } from '../state/types.js';
import { useWidget } from './context.js';
import { Download, useSafeUrl } from './Download.js';
import { Enlargeable } from './Enlarge.js';

/** Keeps every visual at most 360 px tall, at its own ratio, centred: no letterbox bars. */
export const frame = (draft: Draft) => {
  const [w = 1, h = 1] = draft.ratio.split(':').map(Number);
  return { aspectRatio: `${w}/${h}`, width: `min(100%,${Math.round((360 * w) / h)}px)` };
};

/** One or more images, each with its download link; placeholders stand for those still rendering. */
export function ImageResults({
  assets,
  expected,
  draft,
}: {
  assets: Asset[];
  expected: number;
  draft: Draft;
}) {
  const { t, client } = useWidget();
  const safe = useSafeUrl();
  const total = Math.max(expected, assets.length);
  return (
    <ul class={total > 1 ? 'imgs multi' : 'imgs'}>
      {Array.from({ length: total }, (_, i) => {
        const src = safe(assets[i]?.url);
        return (
          <li key={assets[i]?.id ?? i} class="col">
            {src ? (
              <>
                <Enlargeable src={src} alt={t.imageAlt(draft.topic, i + 1)} style={frame(draft)} />
                <Download
                  label={total > 1 ? `${t.download} ${i + 1}` : t.download}
                  fetchFile={() => client.orders.download(assets[i]!.orderId, assets[i]!.id)}
                />
              </>
            ) : (
              <div class="ph" style={frame(draft)}>
                {t.preparing}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The finished video, with its poster and a download link. */
export function VideoResult({ asset, draft }: { asset: Asset; draft: Draft }) {
  const { t, client } = useWidget();
  const safe = useSafeUrl();
  const src = safe(asset.url);
  if (!src) return null;
  return (
    <div class="col">
      {/* biome-ignore lint/a11y/useMediaCaption: generated marketing clips have no speech to caption. */}
      <video
        src={src}
        poster={safe(asset.thumbnailUrl)}
        controls
        playsInline
        preload="metadata"
        aria-label={t.videoLabel(draft.topic)}
        style={frame(draft)}
      />
      <Download label={t.download} fetchFile={() => client.orders.download(asset.orderId, asset.id)} />
    </div>
  );
}
