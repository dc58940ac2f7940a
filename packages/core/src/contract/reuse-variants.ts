/**
 * Reuse of similar generations, and A/B variants: constants, JSON Schemas and types of their routes.
 * Kept apart from `types.ts` and `schemas.ts` so the two features read as one piece.
 */
import { type Format, LIMITS, type Ratio } from './constants.js';

/**
 * What `POST /v1/generate` does when the brand already has a matching visual:
 * - `never`: always render a new one (the API default: a plain request does what it says);
 * - `offer`: create nothing and answer `{ offer }`, so the user can choose (the chat's default);
 * - `auto`: deliver the earlier files at once, free, as a new order marked as reused.
 */
export const REUSE_POLICIES = ['never', 'offer', 'auto'] as const;
export type ReusePolicy = (typeof REUSE_POLICIES)[number];

/** Bounds of `GenerateRequest.variants`. */
export const VARIANT_LIMITS = { min: 2, max: 4 } as const;

/**
 * The deliberate difference of each variant, by index. Every engine applies it its own way: the local
 * engine changes layout and palette, Gemini and Replicate add the style's prompt modifier (and a seed
 * where the provider takes one). Variant 0 is always `classic`.
 */
export const VARIANT_STYLES = ['classic', 'bold', 'minimal', 'vibrant'] as const;
export type VariantStyle = (typeof VARIANT_STYLES)[number];

/**
 * Images an image or carousel request reserves: one per image or slide, plus one per variant beyond
 * the first, so a proposal can show the cost of variants before the user confirms. 0 for a video.
 *
 * @example
 * imagesCharged({ format: 'image', variants: 3 }); // 3
 * imagesCharged({ format: 'carousel', count: 5, variants: 2 }); // 6
 */
export function imagesCharged(request: { format: Format; count?: number; variants?: number | null }): number {
  if (request.format === 'video') return 0;
  const count =
    request.count ??
    (request.format === 'carousel' ? LIMITS.carouselSlides.default : LIMITS.imageCount.default);
  return count + (request.variants ? request.variants - 1 : 0);
}

/** An earlier order of the brand that a request matches. */
export interface ReuseMatch {
  orderId: string;
  topic: string;
  format: Format;
  ratio: Ratio;
  /** When the earlier order was made (ISO), for « Vous avez déjà un visuel proche (3 déc.) ». */
  createdAt: string;
  /** Trigram similarity of the normalised topics, 0..1 (1 = same topic after normalisation). */
  similarity: number;
  /** Files it delivered (images or slides), so a client can show it before choosing. */
  previewUrl: string | null;
}

/** `POST /v1/generate` with `reuse: 'offer'` when a match exists: nothing was created. */
export interface ReuseOffer {
  offer: ReuseMatch;
}

/** `POST /v1/reuse/match`: the match a request would find, or null. Creates nothing. */
export interface ReuseMatchResponse {
  match: ReuseMatch | null;
}

/** `POST /v1/orders/:id/variants/choose`. */
export interface ChooseVariantRequest {
  /** 0-based variant index. */
  variant: number;
}

/** One variant's counts as the host app tracked them since it was posted. */
export interface VariantCounts {
  variant: number;
  /** Times it was shown. */
  impressions: number;
  /** Times it was clicked (or any success the app counts), at most `impressions`. */
  clicks: number;
}

/** `POST /v1/orders/:id/variants/performance`: totals so far; each report replaces the previous one. */
export interface ReportPerformanceRequest {
  variants: VariantCounts[];
}

/**
 * The A/B test's verdict: a two-sided two-proportion z-test of the leading variant against each other
 * one, at 5 % overall (Bonferroni over the comparisons).
 * - `winner`: the leader beats every other variant significantly;
 * - `no_difference`: enough data, but no variant is significantly better;
 * - `too_few_data`: some variant has fewer than 100 impressions, or fewer than 5 clicks or 5
 *   non-clicks, so the normal approximation behind the test does not hold yet.
 */
export interface VariantVerdict {
  status: 'winner' | 'no_difference' | 'too_few_data';
  /** The leading variant's index (highest click rate), null when no variant has data. */
  leader: number | null;
  /** Largest p-value of the leader's comparisons (two-sided), null when too few data. */
  pValue: number | null;
  /** Significance level each comparison was held to (0.05 / comparisons). */
  alpha: number;
  /** Plain words, e.g. "Variant 2 (bold) wins: 15.0 % vs 10.0 %, p = 0.0007". */
  summary: string;
}

export interface VariantView extends VariantCounts {
  style: VariantStyle;
  /** clicks / impressions, null without impressions. */
  rate: number | null;
  /** The delivered file, null when that variant failed or is still rendering. */
  url: string | null;
  chosen: boolean;
}

/** `GET /v1/orders/:id/variants`. */
export interface VariantsReport {
  orderId: string;
  chosenVariant: number | null;
  variants: VariantView[];
  verdict: VariantVerdict;
}
