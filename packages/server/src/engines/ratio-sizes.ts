import type { Ratio } from '@alfie/core/contract';

/**
 * Pixel size each ratio is rendered at: 1080 px on the short side (Instagram's reference width),
 * 1920 px on the long side of 16:9 so a landscape slide is as sharp as a portrait one.
 *
 * @example
 * const { width, height } = RATIO_SIZES['4:5']; // 1080 × 1350
 */
export const RATIO_SIZES: Readonly<Record<Ratio, { width: number; height: number }>> = {
  '1:1': { width: 1080, height: 1080 },
  '4:5': { width: 1080, height: 1350 },
  '3:4': { width: 1080, height: 1440 },
  '2:3': { width: 1080, height: 1620 },
  '9:16': { width: 1080, height: 1920 },
  '16:9': { width: 1920, height: 1080 },
};
