import { createHash } from 'node:crypto';
import {
  DEFAULT_RATIO,
  type Format,
  type GenerateRequest,
  type ItemType,
  JOB_TYPE_BY_FORMAT,
  type JobType,
  LIMITS,
  type Ratio,
} from '@alfie/core/contract';
import { variantBriefs } from '../variants/items.js';

/** A validated generate request with every default applied. */
export interface NormalizedGenerate {
  format: Format;
  count: number;
  topic: string;
  brandId: string;
  ratio: Ratio;
  duration: number | null;
  /** A/B variants of the image or of the carousel's cover (2–4), or null. */
  variants: number | null;
}

export function normalizeGenerate(request: GenerateRequest): NormalizedGenerate {
  const format = request.format;
  const count =
    format === 'video'
      ? 1
      : (request.count ??
        (format === 'carousel' ? LIMITS.carouselSlides.default : LIMITS.imageCount.default));
  return {
    format,
    count,
    topic: request.topic.trim(),
    brandId: request.brandId.toLowerCase(),
    ratio: request.ratio ?? DEFAULT_RATIO[format],
    duration: format === 'video' ? (request.duration ?? LIMITS.videoDuration.default) : null,
    variants: request.variants ?? null,
  };
}

/** Same request (after defaults) = same hash: an Idempotency-Key replay must match it. */
export function requestHash(request: NormalizedGenerate): string {
  const canonical = JSON.stringify([
    request.format,
    request.count,
    request.topic,
    request.brandId,
    request.ratio,
    request.duration,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const ITEM_TYPE: Record<Format, ItemType> = { image: 'image', carousel: 'carousel_slide', video: 'video' };

/** One brief per order item: what the worker renders for it (variants: see variants/items.ts). */
export function itemBriefs(request: NormalizedGenerate): {
  type: ItemType;
  briefs: Record<string, unknown>[];
} {
  if (request.variants) return { type: ITEM_TYPE[request.format], briefs: variantBriefs(request) };
  const { format, count, topic, ratio, duration } = request;
  const briefs = Array.from({ length: count }, (_, index) =>
    format === 'video'
      ? { topic, ratio, duration }
      : format === 'carousel'
        ? { topic, ratio, slideIndex: index, slideCount: count }
        : { topic, ratio, index, total: count },
  );
  return { type: ITEM_TYPE[format], briefs };
}

/**
 * The order's job: `type`, `kind` and `payload` in the shape existing job consumers and dashboards
 * of the original schema read, plus brandId (the worker itself works from the order's items).
 */
export function jobFor(request: NormalizedGenerate, orderId: string): { type: JobType; payload: unknown } {
  const { format, count, topic, ratio, duration, brandId } = request;
  const type = JOB_TYPE_BY_FORMAT[format];
  if (format === 'video') return { type, payload: { orderId, brandId, prompt: topic, duration, ratio } };
  if (format === 'carousel') return { type, payload: { orderId, brandId, slideCount: count, topic, ratio } };
  return {
    type,
    payload: { orderId, brandId, items: Array.from({ length: count }, () => ({ prompt: topic, ratio })) },
  };
}
