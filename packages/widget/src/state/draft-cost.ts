import { imagesCharged, LIMITS, type Quota, woofsCost } from '@alfie/core';
import type { Draft } from './types.js';

export interface DraftCost {
  unit: 'images' | 'videos';
  amount: number;
  woofs: number;
  /** Null when unknown or when quotas do not apply. */
  remaining: number | null;
  exceeds: boolean;
}

/** What a draft takes from the monthly quota: images (a carousel slide is an image) or a video and its Woofs. */
export function draftCost(draft: Draft, quota: Quota | null): DraftCost {
  const unit = draft.format === 'video' ? 'videos' : 'images';
  // Each A/B variant beyond the first is one more image.
  const amount = draft.format === 'video' ? 1 : imagesCharged(draft);
  const woofs = draft.format === 'video' ? woofsCost(draft.duration ?? LIMITS.videoDuration.default) : 0;
  const remaining = quota && !quota.bypass ? quota.remaining[unit] : null;
  const exceeds =
    remaining !== null &&
    (amount > remaining || (woofs > 0 && quota !== null && woofs > quota.remaining.woofs));
  return { unit, amount, woofs, remaining, exceeds };
}
