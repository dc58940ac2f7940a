import { imagesCharged, VARIANT_STYLES, type VariantStyle } from '@alfie/core/contract';
import type { NormalizedGenerate } from '../orders/plan.js';

/** What an item brief says about the variant it renders. */
export interface VariantBrief {
  /** 0-based variant index; variant 0 of a carousel is its first slide. */
  index: number;
  count: number;
  style: VariantStyle;
}

/** Images an order renders and is charged for: one per item, each variant included. */
export function imagesOf(request: Pick<NormalizedGenerate, 'format' | 'count' | 'variants'>): number {
  return imagesCharged(request);
}

/**
 * Item briefs of an order with variants. An image order has one item per variant. A carousel has
 * its slides (slide 0 being variant 0 of the cover), then one more item per other cover variant,
 * numbered after the last slide so slides keep their sequence numbers.
 */
export function variantBriefs(request: NormalizedGenerate): Record<string, unknown>[] {
  const { format, count, topic, ratio } = request;
  const variants = request.variants ?? 1;
  const variant = (index: number): VariantBrief => ({
    index,
    count: variants,
    style: VARIANT_STYLES[index]!,
  });
  if (format === 'image') {
    return Array.from({ length: variants }, (_, index) => ({
      topic,
      ratio,
      index,
      total: variants,
      variant: variant(index),
    }));
  }
  const slides = Array.from({ length: count }, (_, index) => ({
    topic,
    ratio,
    slideIndex: index,
    slideCount: count,
    ...(index === 0 && { variant: variant(0) }),
  }));
  const covers = Array.from({ length: variants - 1 }, (_, k) => ({
    topic,
    ratio,
    slideIndex: 0,
    slideCount: count,
    variant: variant(k + 1),
  }));
  return [...slides, ...covers];
}

/** The variant an item renders, read back from its brief; undefined for an ordinary item. */
export function variantOf(brief: Record<string, unknown> | null | undefined): VariantBrief | undefined {
  const value = brief?.variant as Partial<VariantBrief> | undefined;
  if (!value || typeof value.index !== 'number' || typeof value.count !== 'number') return undefined;
  const style = VARIANT_STYLES[value.index] ?? 'classic';
  return { index: value.index, count: value.count, style };
}

/** The carousel slide an item draws: its brief's slide (a cover variant draws slide 0), else its sequence. */
export function slideIndexOf(item: {
  sequence_number: number;
  brief_json: Record<string, unknown> | null;
}): number {
  const slide = item.brief_json?.slideIndex;
  return typeof slide === 'number' ? slide : item.sequence_number;
}
