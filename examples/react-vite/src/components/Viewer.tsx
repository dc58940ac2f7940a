import type { LibraryEntry } from '@alfie/core';
import { useEffect, useState } from 'react';

/** Full-size view of one order: a carousel viewer (arrows, dots, ← → keys) or a video player. */
export function Viewer({ entry, onClose }: { entry: LibraryEntry; onClose(): void }) {
  const [index, setIndex] = useState(0);
  const count = entry.assets.length;
  const go = (step: number) => setIndex((current) => (current + step + count) % count);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      if (event.key === 'ArrowRight') setIndex((current) => (current + 1) % count);
      if (event.key === 'ArrowLeft') setIndex((current) => (current - 1 + count) % count);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, onClose]);

  const asset = entry.assets[index];
  return (
    <div className="viewer" role="dialog" aria-modal="true" aria-label={entry.topic}>
      <button type="button" className="close" onClick={onClose} aria-label="Close">
        ×
      </button>
      <figure>
        {asset?.type === 'video' ? (
          // biome-ignore lint/a11y/useMediaCaption: generated videos have no caption track
          <video src={asset.url} controls autoPlay playsInline className="media" />
        ) : (
          asset && <img src={asset.url} alt={asset.text?.title ?? `Slide ${index + 1}`} className="media" />
        )}
        <figcaption>
          {entry.topic}
          {asset?.text?.title && ` — ${asset.text.title}`}
        </figcaption>
      </figure>
      {count > 1 && (
        <nav className="slides-nav" aria-label="Slides">
          <button type="button" onClick={() => go(-1)} aria-label="Previous slide">
            ‹
          </button>
          {entry.assets.map((slide, i) => (
            <button
              key={slide.id}
              type="button"
              className={i === index ? 'dot active' : 'dot'}
              aria-label={`Slide ${i + 1}`}
              aria-current={i === index}
              onClick={() => setIndex(i)}
            />
          ))}
          <span className="muted">
            {index + 1} / {count}
          </span>
          <button type="button" onClick={() => go(1)} aria-label="Next slide">
            ›
          </button>
        </nav>
      )}
    </div>
  );
}
