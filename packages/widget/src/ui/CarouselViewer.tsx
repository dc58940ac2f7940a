import type { Asset } from '@alfie/core/contract';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Draft } from '../state/types.js';
import { useWidget } from './context.js';
import { DownloadIcon, NextIcon, PrevIcon } from './icons.js';
import { safeUrl } from './safe-url.js';

interface Props {
  assets: Asset[];
  expected: number;
  draft: Draft;
  /** While the order runs, the viewer follows the newest slide until the user takes over. */
  live: boolean;
}

/** Slide viewer: previous/next, dots, swipe and arrow keys; each slide is labelled "Slide 2 sur 5". */
export function CarouselViewer({ assets, expected, draft, live }: Props) {
  const { t, apiUrl } = useWidget();
  const total = Math.max(expected, assets.length);
  const [index, setIndex] = useState(0);
  const userMoved = useRef(false);
  const swipeStart = useRef<number | null>(null);

  useEffect(() => {
    if (live && !userMoved.current && assets.length > 0) setIndex(assets.length - 1);
  }, [assets.length, live]);

  const go = (next: number) => {
    userMoved.current = true;
    setIndex(Math.min(total - 1, Math.max(0, next)));
  };
  const ratio = draft.ratio.replace(':', ' / ');

  return (
    <section
      class="carousel"
      aria-roledescription={t.lang === 'fr' ? 'carrousel' : 'carousel'}
      aria-label={t.carouselLabel(draft.topic)}
      tabIndex={0}
      onKeyDown={(event) => {
        const moves: Record<string, number> = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: total - 1 };
        const target = moves[event.key];
        if (target === undefined) return;
        event.preventDefault();
        go(target);
      }}
    >
      <div
        class="stage"
        style={{ aspectRatio: ratio }}
        onPointerDown={(event) => {
          swipeStart.current = event.clientX;
        }}
        onPointerUp={(event) => {
          if (swipeStart.current === null) return;
          const dx = event.clientX - swipeStart.current;
          swipeStart.current = null;
          if (Math.abs(dx) > 40) go(dx < 0 ? index + 1 : index - 1);
        }}
      >
        {Array.from({ length: total }, (_, i) => {
          const asset = assets[i];
          const src = safeUrl(asset?.url, apiUrl);
          return (
            <div
              key={asset?.id ?? `pending-${i}`}
              class="slide"
              role="group"
              aria-roledescription="slide"
              aria-label={t.slideLabel(i + 1, total)}
              hidden={i !== index}
              data-ready={asset ? 'true' : 'false'}
            >
              {asset && src ? (
                <img src={src} alt={slideAlt(asset, draft.topic, i + 1)} draggable={false} />
              ) : (
                <div class="placeholder">
                  <span>{t.slidePending(i + 1)}</span>
                </div>
              )}
            </div>
          );
        })}
      </div>
      <div class="carousel-nav">
        <button type="button" class="icon-btn" aria-label={t.previous} disabled={index === 0} onClick={() => go(index - 1)}>
          <PrevIcon />
        </button>
        <div class="dots-nav">
          {Array.from({ length: total }, (_, i) => (
            <button
              key={i}
              type="button"
              class={assets[i] ? 'dot ready' : 'dot'}
              aria-label={t.goToSlide(i + 1)}
              aria-current={i === index ? 'true' : undefined}
              onClick={() => go(i)}
            />
          ))}
        </div>
        <button
          type="button"
          class="icon-btn"
          aria-label={t.next}
          disabled={index >= total - 1}
          onClick={() => go(index + 1)}
        >
          <NextIcon />
        </button>
      </div>
      {assets[index] && safeUrl(assets[index]?.url, apiUrl) && (
        <a class="download" href={safeUrl(assets[index]?.url, apiUrl)} download target="_blank" rel="noopener noreferrer">
          <DownloadIcon />
          {t.downloadSlide(index + 1)}
        </a>
      )}
    </section>
  );
}

function slideAlt(asset: Asset, topic: string, n: number): string {
  const text = asset.text;
  return [text?.title, text?.subtitle].filter(Boolean).join(' — ') || `${topic} (${n})`;
}
