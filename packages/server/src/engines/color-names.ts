import { parseHex, type Rgb } from './local/colors.js';

/**
 * Plain colour names for prompts. Image models follow "deep navy and warm amber" far better than
 * "#0B3D91 and #F2A900" (hex codes tend to be drawn as text), so palettes are described by name.
 */
const NAMED: ReadonlyArray<readonly [string, Rgb]> = [
  ['black', [0, 0, 0]],
  ['charcoal', [54, 69, 79]],
  ['slate grey', [112, 128, 144]],
  ['grey', [128, 128, 128]],
  ['silver', [192, 192, 192]],
  ['white', [255, 255, 255]],
  ['ivory', [255, 255, 240]],
  ['cream', [255, 253, 208]],
  ['beige', [245, 245, 220]],
  ['sand', [194, 178, 128]],
  ['brown', [139, 69, 19]],
  ['chocolate', [90, 50, 30]],
  ['maroon', [128, 0, 0]],
  ['burgundy', [128, 0, 32]],
  ['red', [220, 20, 60]],
  ['coral', [255, 127, 80]],
  ['salmon', [250, 128, 114]],
  ['pink', [255, 182, 193]],
  ['hot pink', [255, 105, 180]],
  ['magenta', [255, 0, 255]],
  ['plum', [142, 69, 133]],
  ['purple', [128, 0, 128]],
  ['lavender', [200, 180, 240]],
  ['indigo', [75, 0, 130]],
  ['navy', [0, 0, 128]],
  ['deep blue', [11, 61, 145]],
  ['royal blue', [65, 105, 225]],
  ['sky blue', [135, 206, 235]],
  ['pale blue', [224, 231, 255]],
  ['teal', [0, 128, 128]],
  ['turquoise', [64, 224, 208]],
  ['mint', [170, 240, 209]],
  ['green', [34, 139, 34]],
  ['forest green', [34, 85, 34]],
  ['olive', [128, 128, 0]],
  ['lime', [190, 230, 60]],
  ['yellow', [255, 221, 0]],
  ['gold', [212, 175, 55]],
  ['amber', [242, 169, 0]],
  ['orange', [255, 140, 0]],
  ['terracotta', [204, 78, 52]],
];

/** The nearest plain name for a hex colour (weighted RGB distance); unknown input is kept as given. */
export function colorName(hex: string): string {
  const rgb = parseHex(hex);
  if (!rgb) return hex;
  let best = NAMED[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of NAMED) {
    const [r, g, b] = candidate[1];
    const distance = 2 * (rgb[0] - r) ** 2 + 4 * (rgb[1] - g) ** 2 + 3 * (rgb[2] - b) ** 2;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best[0];
}

/** ['#0B3D91', '#F2A900'] -> 'deep blue, amber' (duplicates merged). */
export function paletteNames(palette: readonly string[]): string {
  return [...new Set(palette.map(colorName))].join(', ');
}
