import type { VariantStyle } from '@alfie/core/contract';

/**
 * How the remote engines make each variant deliberately different: a style modifier appended to the
 * prompt (documented in the README), and a seed derived from the order and the variant where the
 * provider takes one, so a retried variant draws the same picture and two variants never share one.
 */
export const VARIANT_PROMPT_MODIFIERS: Record<VariantStyle, string> = {
  classic: 'Style: balanced, classic composition, brand colours as they are.',
  bold: 'Style: bold and high-contrast, large dominant subject, strong graphic shapes, dramatic lighting.',
  minimal: 'Style: minimalist, generous negative space, a single focal element, soft muted tones.',
  vibrant: 'Style: vibrant and playful, saturated colours, dynamic diagonal composition, energetic mood.',
};

/** A 31-bit seed per (order, variant): stable across retries, different between variants. */
export function variantSeed(orderId: string, index: number): number {
  let hash = 2166136261;
  for (const char of `${orderId}#${index}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % 2147483647;
}
