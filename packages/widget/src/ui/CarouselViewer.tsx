import type { Asset } from '@alfie/core/contract';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Draft } from '../state/types.js';
import { useWidget } from './context.js';
import { Download, useSafeUrl } from './Download.js';
import { NextIcon, PrevIcon } from './icons.js';
import { frame } from './Media.js';

interface Props {
  assets: Asset[];
  expected: number;
  draft: Draft;
  /** While the order runs the viewer follows the newest slide, until the user takes over. */
  live: boolean;
}

/** Slide viewer: previous/next, dots, swipe and arrow keys; each slide is labelled "Slide 2 sur 5". */
export function CarouselViewer({ assets, expected, draft, live }: Props) {
  const { t, client } = useWidget();
  const safe = useSafeUrl();
  const total = Math.max(expected, assets.length);
  const [index, setIndex] = useState(0);
  const userMoved = useRef(false);
  const swipeFrom = useRef<number | null>(null);

  useEffect(() => {
    // Follow arrivals while rendering; show the first slide once it is finished.
    if (!userMoved.current) setIndex(live ? Math.max(0, assets.length - 1) : 0);
  }, [assets.length, live]);

  const go = (next: number) => {
    userMoved.current = true;
    setIndex(Math.min(total - 1, Math.max(0, next)));
  };
  const shown = assets[index];
  const current = safe(shown?.url);
  const orderId = assets[0]?.orderId;

  return (
    <section
      class="col"
      aria-roledescription={t.carousel}
      aria-label={t.carouselLabel(draft.topic)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so the arrow keys move between slides.
      tabIndex={0}
      onKeyDown={(event) => {
        const target = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: total - 1 }[event.key];
        if (target === undefined) return;
        event.preventDefault();
        go(target);
      }}
    >
      <div
        class="stage"
        style={frame(draft)}
        onPointerDown={(event) => {
          swipeFrom.current = event.clientX;
        }}
        onPointerUp={(event) => {
          const dx = event.clientX - (swipeFrom.current ?? event.clientX);
          swipeFrom.current = null;
          if (Math.abs(dx) > 40) go(index + (dx < 0 ? 1 : -1));
        }}
      >
        {Array.from({ length: total }, (_, i) => {
          const asset = assets[i];
          const src = safe(asset?.url);
          return (
            // biome-ignore lint/a11y/useSemanticElements: the APG carousel pattern: a group with roledescription "slide".
            <div
              key={asset?.id ?? i}
              role="group"
              aria-roledescription="slide"
              aria-label={t.slideLabel(i + 1, total)}
              hidden={i !== index}
            >
              {src ? (
                <img src={src} alt={slideAlt(asset, draft.topic, i + 1)} draggable={false} />
              ) : (
                <div class="ph">{t.slidePending(i + 1)}</div>
              )}
            </div>
          );
        })}
      </div>
      <div class="nav">
        <button
          type="button"
          class="ib"
          aria-label={t.previous}
          disabled={index === 0}
          onClick={() => go(index - 1)}
        >
          <PrevIcon />
        </button>
        <div class="pips">
          {Array.from({ length: total }, (_, i) => (
            <button
              key={i}
              type="button"
              class={assets[i] ? 'pip ready' : 'pip'}
              aria-label={t.goToSlide(i + 1)}
              aria-current={i === index || undefined}
              onClick={() => go(i)}
            />
          ))}
        </div>
        <button
          type="button"
          class="ib"
          aria-label={t.next}
          disabled={index >= total - 1}
          onClick={() => go(index + 1)}
        >
          <NextIcon />
        </button>
      </div>
      <div class="dls">
        {current && shown && (
          <Download
            label={t.downloadSlide(index + 1)}
            fetchFile={() => client.orders.download(shown.orderId, shown.id)}
          />
        )}
        {/* The whole carousel once it is finished: a ZIP of the slides, and the PDF LinkedIn takes. */}
        {!live && orderId && (
          <>
            <Download label={t.downloadZip} fetchFile={() => client.orders.downloadZip(orderId)} />
            <Download label={t.downloadPdf} fetchFile={() => client.orders.downloadPdf(orderId)} />
          </>
        )}
      </div>
    </section>
  );
}

function slideAlt(asset: Asset | undefined, topic: string, n: number): string {
  return [asset?.text?.title, asset?.text?.subtitle].filter(Boolean).join(' — ') || `${topic} (${n})`;
}
