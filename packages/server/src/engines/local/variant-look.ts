import { brandColors, toHex } from './colors.js';

/** Where the gradient runs (fractions of width and height) and where the soft shapes sit. */
export interface VariantLook {
  gradient: readonly [number, number, number, number];
  shapes: readonly { x: number; y: number; r: number; color: 'accent' | 'tint' }[];
  /** The palette in this variant's order: which brand colour is the base, the accent, the tint. */
  palette: (palette: readonly string[]) => string[];
}

const rotate = (palette: readonly string[], by: number) => {
  const colors = brandColors(palette).map(toHex);
  return colors.map((_, i) => colors[(i + by) % colors.length]!);
};

/**
 * The local engine's A/B looks, one per variant index, fixed so a variant always draws the same.
 * Variant 0 is the engine's usual look (every order without variants draws it). The shapes of the
 * others keep the slide's text area (the middle) clear; the text colour is still chosen against
 * every colour behind it, whatever the palette order (colors.ts textStyle).
 */
const LOOKS: readonly VariantLook[] = [
  {
    gradient: [0, 0, 1, 1],
    shapes: [
      { x: 0.92, y: 0.08, r: 0.42, color: 'accent' },
      { x: 0.05, y: 0.97, r: 0.33, color: 'tint' },
    ],
    palette: (p) => [...p],
  },
  {
    // bold: accent-led palette, vertical gradient, one large shape low on the right
    gradient: [0, 0, 0, 1],
    shapes: [{ x: 0.95, y: 0.95, r: 0.6, color: 'tint' }],
    palette: (p) => rotate(p, 1),
  },
  {
    // minimal: tint-led palette, horizontal gradient, one small shape in a corner
    gradient: [0, 0.5, 1, 0.5],
    shapes: [{ x: 0.08, y: 0.06, r: 0.16, color: 'accent' }],
    palette: (p) => rotate(p, 2),
  },
  {
    // vibrant: reversed diagonal, three shapes along the edges
    gradient: [1, 0, 0, 1],
    shapes: [
      { x: 0.04, y: 0.05, r: 0.3, color: 'accent' },
      { x: 0.98, y: 0.5, r: 0.22, color: 'tint' },
      { x: 0.5, y: 1.02, r: 0.28, color: 'accent' },
    ],
    palette: (p) => rotate(p, 1).reverse(),
  },
];

export function variantLook(index: number): VariantLook {
  return LOOKS[index % LOOKS.length]!;
}
