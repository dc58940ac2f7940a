import type { Asset } from '@alfie/core/contract';

/**
 * An order's assets as the library shows them: with a chosen variant, its file first and the
 * others kept after it. An image order's variant is its slide index; a carousel's cover variants
 * are slide 0 and the items after the last slide (variants/items.ts), so the chosen cover leads and
 * the other covers follow the slides.
 */
export function chosenVariantFirst(
  assets: Asset[],
  order: { format: string; count: number; chosenVariant: number | null },
): Asset[] {
  if (order.chosenVariant === null) return assets;
  const chosenSlide =
    order.format === 'carousel' && order.chosenVariant > 0
      ? order.count + order.chosenVariant - 1
      : order.chosenVariant;
  const chosen = assets.filter((a) => a.slideIndex === chosenSlide);
  if (order.format !== 'carousel') return [...chosen, ...assets.filter((a) => a.slideIndex !== chosenSlide)];
  const isCover = (a: Asset) => a.slideIndex === 0 || (a.slideIndex ?? 0) >= order.count;
  const slides = assets.filter((a) => !isCover(a));
  const otherCovers = assets.filter((a) => isCover(a) && a.slideIndex !== chosenSlide);
  return [...chosen, ...slides, ...otherCovers];
}
