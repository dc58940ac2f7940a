import { clampToLimit, DEFAULT_RATIO, type Format, LIMITS, type Quota, woofsCost } from '@alfie/core';
import type { Draft } from './types.js';

/** Keeps a draft valid when the user edits one field (a video is always 1, a carousel at least 2...). */
export function normalizeDraft(draft: Draft, previousFormat?: Format): Draft {
  const next = { ...draft };
  if (previousFormat && previousFormat !== next.format) next.ratio = DEFAULT_RATIO[next.format];
  if (next.format === 'video') {
    next.count = 1;
    next.duration = clampToLimit(next.duration ?? LIMITS.videoDuration.default, LIMITS.videoDuration);
  } else {
    next.duration = null;
    const range = next.format === 'carousel' ? LIMITS.carouselSlides : LIMITS.imageCount;
    next.count = clampToLimit(Number.isFinite(next.count) ? next.count : range.default, range);
  }
  return next;
}

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
  const amount = draft.format === 'video' ? 1 : draft.count;
  const woofs = draft.format === 'video' ? woofsCost(draft.duration ?? LIMITS.videoDuration.default) : 0;
  const remaining = quota && !quota.bypass ? quota.remaining[unit] : null;
  const exceeds =
    remaining !== null &&
    (amount > remaining || (woofs > 0 && quota !== null && woofs > quota.remaining.woofs));
  return { unit, amount, woofs, remaining, exceeds };
}
