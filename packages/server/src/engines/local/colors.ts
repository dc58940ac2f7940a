/** Colour helpers for the local engines: brand palettes in, readable text colours out. */

export type Rgb = readonly [number, number, number];

/** Used when a brand has no palette (or only invalid entries): a deep blue, a warm accent, a light tint. */
export const DEFAULT_PALETTE: readonly string[] = ['#1E3A8A', '#F59E0B', '#E0E7FF'];

export function parseHex(hex: string): Rgb | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  let digits = match[1]!;
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  const value = Number.parseInt(digits, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The brand's valid colours, at least three of them (padded from the default palette). */
export function brandColors(palette: readonly string[]): Rgb[] {
  const colors = palette.map(parseHex).filter((c): c is Rgb => c !== null);
  for (const fallback of DEFAULT_PALETTE) {
    if (colors.length >= 3) break;
    colors.push(parseHex(fallback)!);
  }
  return colors;
}

export function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return [a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount];
}

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio, 1..21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const WHITE: Rgb = [255, 255, 255];
export const INK: Rgb = [17, 24, 39];

/** White or near-black, whichever reads better on every given background colour. */
export function readableTextColor(backgrounds: readonly Rgb[]): { color: Rgb; worstContrast: number } {
  const worst = (text: Rgb) => Math.min(...backgrounds.map((bg) => contrast(text, bg)));
  const white = worst(WHITE);
  const ink = worst(INK);
  return white >= ink ? { color: WHITE, worstContrast: white } : { color: INK, worstContrast: ink };
}

/** Below this (WCAG AA for normal text) the text gets a translucent panel behind it. */
export const MIN_TEXT_CONTRAST = 4.5;

export interface TextStyle {
  text: Rgb;
  /** A panel to draw under the text, with the smallest opacity that reaches MIN_TEXT_CONTRAST. */
  panel: { color: Rgb; alpha: number } | null;
}

/**
 * The text colour for a set of background colours, and when no text colour reads well enough on
 * all of them, the lightest panel (black under white text, white under dark text) that does.
 *
 * @example
 * textStyle([[11, 61, 145], [120, 100, 60]]); // { text: WHITE, panel: null }
 */
export function textStyle(backgrounds: readonly Rgb[]): TextStyle {
  const { color, worstContrast } = readableTextColor(backgrounds);
  if (worstContrast >= MIN_TEXT_CONTRAST) return { text: color, panel: null };
  const panelColor: Rgb = color === WHITE ? [0, 0, 0] : [255, 255, 255];
  for (let alpha = 0.3; alpha < 1; alpha += 0.05) {
    const blended = backgrounds.map((bg) => mix(bg, panelColor, alpha));
    if (Math.min(...blended.map((bg) => contrast(color, bg))) >= MIN_TEXT_CONTRAST) {
      return { text: color, panel: { color: panelColor, alpha: Math.round(alpha * 100) / 100 } };
    }
  }
  return { text: color, panel: { color: panelColor, alpha: 1 } };
}
