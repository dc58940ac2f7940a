import type { QuotaCounts } from '@alfie/core/contract';

/** What an order reserves, in the counters' units. Videos count against `reels` (the API calls them videos). */
export interface QuotaCost {
  images: number;
  reels: number;
  woofs: number;
}

export const toQuotaCounts = (cost: QuotaCost): QuotaCounts => ({
  images: cost.images,
  videos: cost.reels,
  woofs: cost.woofs,
});
