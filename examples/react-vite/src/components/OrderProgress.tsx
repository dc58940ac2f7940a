import type { WatchSnapshot } from '@alfie/react';
import { errorMessage } from './errorMessage.js';

/** A live order: status, a progress bar, and each slide as soon as it is delivered. */
export function OrderProgress({ order }: { order: WatchSnapshot }) {
  const { status, progress, assets, error } = order;
  return (
    <div className="order-progress" data-status={status ?? 'pending'}>
      <div className="order-progress-head">
        <span className={`badge ${status ?? 'pending'}`}>{status ?? 'pending'}</span>
        <progress max={1} value={progress.ratio} aria-label="Progress" />
        <span className="count">
          {progress.completed}/{progress.expected || '?'}
        </span>
      </div>
      {assets.length > 0 && (
        <ul className="thumbs" aria-label="Delivered">
          {assets.map((asset) => (
            <li key={asset.id}>
              {asset.type === 'video' ? (
                <video src={asset.url} muted playsInline preload="metadata" />
              ) : (
                <img
                  src={asset.thumbnailUrl ?? asset.url}
                  alt={asset.text?.title ?? `Slide ${(asset.slideIndex ?? 0) + 1}`}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {error && <p className="error">{errorMessage(error)}</p>}
    </div>
  );
}
