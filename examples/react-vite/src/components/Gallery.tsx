import type { Format, LibraryEntry } from '@alfie/core';
import type { UsePagerResult } from '@alfie/react';
import { useState } from 'react';
import { LoadMoreButton } from './LoadMoreButton.js';
import { Viewer } from './Viewer.js';

const FILTERS: { label: string; type: Format | undefined }[] = [
  { label: 'All', type: undefined },
  { label: 'Images', type: 'image' },
  { label: 'Carousels', type: 'carousel' },
  { label: 'Videos', type: 'video' },
];

/** Delivered visuals, one card per order; a card opens the carousel viewer or the video player. */
export function Gallery({
  library,
  type,
  onTypeChange,
}: {
  library: UsePagerResult<LibraryEntry>;
  type: Format | undefined;
  onTypeChange(type: Format | undefined): void;
}) {
  const { items, status } = library;
  const [open, setOpen] = useState<LibraryEntry | null>(null);
  return (
    <div>
      <div className="tabs" role="tablist">
        {FILTERS.map((filter) => (
          <button
            key={filter.label}
            type="button"
            role="tab"
            aria-selected={filter.type === type}
            onClick={() => onTypeChange(filter.type)}
          >
            {filter.label}
          </button>
        ))}
      </div>
      {status === 'loading' && items.length === 0 && <p>Loading…</p>}
      {status === 'success' && items.length === 0 && <p className="muted">Nothing here yet.</p>}
      <ul className="gallery">
        {items.map((entry) => {
          const cover = entry.assets[0];
          return (
            <li key={entry.orderId}>
              <button
                type="button"
                className="card"
                onClick={() => setOpen(entry)}
                aria-label={`Open ${entry.topic}`}
              >
                {cover &&
                  (cover.type === 'video' ? (
                    <video src={cover.url} muted preload="metadata" />
                  ) : (
                    <img src={cover.thumbnailUrl ?? cover.url} alt="" />
                  ))}
                <span className="caption">
                  <span className="badge">{entry.format}</span> {entry.topic}
                  {entry.assets.length > 1 && <span className="muted"> · {entry.assets.length}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <LoadMoreButton pager={library} label="Load more" />
      {open && <Viewer entry={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
