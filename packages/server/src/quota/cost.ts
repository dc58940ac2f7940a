import { type Format, type QuotaCounts, woofsCost } from '@alfie/core/contract';

/**
 * Quota in the counters' units, the one declaration of that shape: what an order reserves, what a
 * delivery charges, what settling releases. Videos count against `reels` (the API calls them videos).
 */
export interface QuotaCost {
  images: number;
  reels: number;
  woofs: number;
}

export const NO_COST: QuotaCost = { images: 0, reels: 0, woofs: 0 };

/**
 * What `count` items of an order of this format reserve: one image per image or slide, one reel
 * and the Woofs of its duration for a video (priced like calculate_woofs_cost in SQL).
 *
 * @example
 * costOf('carousel', 5, null); // { images: 5, reels: 0, woofs: 0 }
 */
export function costOf(format: Format, count: number, durationSeconds: number | null): QuotaCost {
  return format === 'video'
    ? { images: 0, reels: 1, woofs: woofsCost(durationSeconds ?? 0) }
    : { images: count, reels: 0, woofs: 0 };
}

export const toQuotaCounts = (cost: QuotaCost): QuotaCounts => ({
  images: cost.images,
  videos: cost.reels,
  woofs: cost.woofs,
});
