import type { SKRSContext2D } from '@napi-rs/canvas';
import { FONT_FAMILY } from './font.js';

/** One paragraph of a text stack, sized relative to the stack's base size. */
export interface TextBlock {
  text: string;
  weight: 400 | 700;
  /** Font size as a multiple of the base size. */
  scale: number;
}

export interface LaidOutLine {
  text: string;
  font: string;
  size: number;
  /** Baseline offset from the top of the stack. */
  y: number;
}

export interface TextLayout {
  lines: LaidOutLine[];
  height: number;
  baseSize: number;
}

const LINE_HEIGHT = 1.18;
const BLOCK_GAP = 0.6;

export function fontFor(weight: number, size: number): string {
  return `${weight} ${size}px "${FONT_FAMILY}"`;
}

/**
 * Wraps words to `maxWidth`. A word wider than the line on its own (a URL, a German compound) is
 * broken between characters, so no text is ever drawn past the slide's edge.
 */
export function wrapText(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  const fits = (candidate: string) => ctx.measureText(candidate).width <= maxWidth;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    if (fits(word)) {
      current = word;
      continue;
    }
    for (const char of word) {
      if (current && !fits(current + char)) {
        lines.push(current);
        current = '';
      }
      current += char;
    }
  }
  if (current) lines.push(current);
  return lines;
}

function layoutAt(ctx: SKRSContext2D, blocks: readonly TextBlock[], baseSize: number, maxWidth: number) {
  const lines: LaidOutLine[] = [];
  let y = 0;
  blocks.forEach((block, index) => {
    const size = Math.max(1, Math.round(baseSize * block.scale));
    const font = fontFor(block.weight, size);
    ctx.font = font;
    if (index > 0) y += size * BLOCK_GAP;
    for (const text of wrapText(ctx, block.text, maxWidth)) {
      // Inter's ascender is ~0.97 em: a baseline just under one em below the line's top leaves
      // room for accented capitals (É, À) without touching the previous line.
      lines.push({ text, font, size, y: y + size * 0.98 });
      y += size * LINE_HEIGHT;
    }
  });
  return { lines, height: y };
}

/**
 * Lays out a stack of paragraphs in a box at the largest base size (≤ maxBaseSize) where every
 * line fits, by binary search: a long topic shrinks and wraps instead of being cut off.
 *
 * @example
 * const layout = fitTextStack(ctx, [{ text: topic, weight: 700, scale: 1 }], 900, 600, 96);
 */
export function fitTextStack(
  ctx: SKRSContext2D,
  blocks: readonly TextBlock[],
  maxWidth: number,
  maxHeight: number,
  maxBaseSize: number,
  minBaseSize = 8,
): TextLayout {
  let low = minBaseSize;
  let high = Math.max(minBaseSize, Math.floor(maxBaseSize));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (layoutAt(ctx, blocks, mid, maxWidth).height <= maxHeight) low = mid;
    else high = mid - 1;
  }
  const { lines, height } = layoutAt(ctx, blocks, low, maxWidth);
  return { lines, height, baseSize: low };
}
