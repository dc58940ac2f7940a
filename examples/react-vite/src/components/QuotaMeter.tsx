import { useQuota } from '@alfie/react';
import { errorMessage } from './errorMessage.js';

/** Remaining quota of the brand; refreshes by itself after each order. */
export function QuotaMeter({ brandId }: { brandId: string }) {
  const { remaining, limits, resetsAt, error, quota } = useQuota(brandId);
  if (error && !quota) return <p className="quota error">{errorMessage(error)}</p>;
  if (!remaining || !limits) return <p className="quota">Loading quota…</p>;
  if (quota?.bypass) return <p className="quota">Unlimited (admin)</p>;
  const rows = [
    ['Images', remaining.images, limits.images],
    ['Videos', remaining.videos, limits.videos],
    ['Woofs', remaining.woofs, limits.woofs],
  ] as const;
  return (
    <section className="quota" aria-label="Quota">
      {rows.map(([label, left, max]) => (
        <label key={label}>
          {label} <meter min={0} max={max} low={max * 0.2} value={left} />
          <span>
            <span data-testid={`quota-${label.toLowerCase()}`}>{left}</span>/{max}
          </span>
        </label>
      ))}
      {resetsAt && <small>resets {new Date(resetsAt).toLocaleDateString()}</small>}
    </section>
  );
}
