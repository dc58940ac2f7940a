import { clampToLimit, DEFAULT_RATIO, type Format, LIMITS, type Ratio } from '../contract/constants.js';
import type { GenerateRequest } from '../contract/types.js';
import type { GenerateIntent, IntentWarning, Language, Platform } from '../intent/types.js';

/** What a proposal shows and a confirm orders: the editable fields of a GenerateRequest. */
export interface Draft {
  format: Format;
  count: number;
  ratio: Ratio;
  duration: number | null;
  topic: string;
  /** The network the request named, if any: shown in descriptions, never sent. */
  platform?: Platform | null;
  /** A/B variants (2–4) of the one image or of a carousel's cover; absent or null for none. */
  variants?: number | null;
}

/** Fields a correction, a variant or an edit button changes; the others are kept. */
export type DraftEdit = Partial<Draft>;

/** What clamping changed, so the reply can say it ("10 slides at most"). */
export type DraftWarning = Extract<IntentWarning, 'count_clamped' | 'duration_clamped'>;

export const draftFromIntent = (intent: GenerateIntent): Draft => ({
  format: intent.format,
  count: intent.count,
  ratio: intent.ratio,
  duration: intent.duration,
  topic: intent.topic ?? '',
  ...(intent.platform ? { platform: intent.platform } : {}),
});

/**
 * Applies an edit and keeps the draft valid: a video is one clip of 4–60 s, a carousel 2–10 slides,
 * images 1–10. A new format without a ratio takes that format's ratio, and a count that made sense
 * for the old format (1 image) gives way to the new format's default (5 slides).
 */
export function applyEdit(draft: Draft, edit: DraftEdit): { draft: Draft; warnings: DraftWarning[] } {
  const next: Draft = { ...draft, ...edit };
  const warnings: DraftWarning[] = [];
  const formatChanged = edit.format !== undefined && edit.format !== draft.format;
  // A ratio the user chose ("en paysage", then "30 secondes") survives the change; a default follows it.
  if (formatChanged && edit.ratio === undefined && draft.ratio === DEFAULT_RATIO[draft.format])
    next.ratio = DEFAULT_RATIO[next.format];
  if (next.format === 'video') {
    next.count = 1;
    const seconds = next.duration ?? LIMITS.videoDuration.default;
    next.duration = clampToLimit(seconds, LIMITS.videoDuration);
    if (next.duration !== seconds) warnings.push('duration_clamped');
  } else {
    next.duration = null;
    const range = next.format === 'carousel' ? LIMITS.carouselSlides : LIMITS.imageCount;
    const asked = formatChanged && edit.count === undefined ? range.default : next.count;
    next.count = clampToLimit(Number.isFinite(asked) ? asked : range.default, range);
    if (edit.count !== undefined && next.count !== edit.count) warnings.push('count_clamped');
  }
  // Variants are of one image or of a carousel's cover: asking for them makes an image order one
  // image, and asking for several images (or a video) drops them.
  if (next.variants && next.format === 'image' && edit.variants) next.count = 1;
  if (next.variants && (next.format === 'video' || (next.format === 'image' && next.count > 1)))
    next.variants = null;
  next.topic = next.topic.trim();
  return { draft: next, warnings };
}

/** The request a confirmed draft sends, in the conversation's language. */
export function requestFromDraft(draft: Draft, brandId: string, locale?: Language): GenerateRequest {
  return {
    brandId,
    format: draft.format,
    topic: draft.topic.trim(),
    ratio: draft.ratio,
    ...(draft.format === 'video' ? { duration: draft.duration ?? undefined } : { count: draft.count }),
    ...(locale ? { locale } : {}),
    ...(draft.variants ? { variants: draft.variants } : {}),
  };
}
