import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { BrandStyle, SlideText } from '../types.js';
import { brandColors, mix, type Rgb, textStyle, toHex } from './colors.js';
import { fitTextStack, fontFor, type TextBlock } from './fit-text.js';
import { ensureFontRegistered } from './font.js';

export interface SlideDrawing {
  width: number;
  height: number;
  topic: string;
  brand: BrandStyle;
  /** Top-right label: "slide 2/5" on carousels, a duration on video posters. */
  badge?: string;
  /** Planned text drawn under the topic (carousel slides). */
  text?: SlideText;
  /**
   * Which look to draw: the order's item index (images of one order differ) or its A/B variant
   * index. Picks the layout (gradient direction, shapes). 0 by default, the engine's usual look.
   */
  variant?: number;
  /** Also rotate the brand colours by `variant` (separate images; slides keep the brand order). */
  varyPalette?: boolean;
}

const rgba = ([r, g, b]: Rgb, alpha: number) =>
  `rgba(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)}, ${alpha})`;

/**
 * Draws one on-brand visual: a gradient of the brand's first colours, two soft shapes in its
 * accents, the brand name, an optional badge, and the topic (plus planned text) fitted and wrapped.
 * Pure function of its input, so the same order always yields the same pixels.
 *
 * @example
 * const canvas = drawSlide({ width: 1080, height: 1350, topic: 'Tendances 2025', brand, badge: 'slide 1/5' });
 * const png = await canvas.encode('png');
 */
/**
 * The slide's colours from the brand palette, and every colour the gradient and shapes can put
 * behind the text: the text style is chosen so that it reads on all of them (WCAG AA).
 */
export function slideColors(palette: string[]) {
  const [base, accent, tint] = brandColors(palette) as [Rgb, Rgb, Rgb, ...Rgb[]];
  const end = mix(base, accent, 0.45);
  const behindText = [
    base,
    end,
    mix(base, accent, 0.35),
    mix(end, accent, 0.35),
    mix(base, tint, 0.25),
    mix(end, tint, 0.25),
  ];
  return { base, accent, tint, end, behindText };
}

export function drawSlide(input: SlideDrawing): Canvas {
  ensureFontRegistered();
  const { width, height } = input;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const variant = Math.max(0, Math.floor(input.variant ?? 0));
  const palette = input.varyPalette ? rotatedPalette(input.brand.palette, variant) : input.brand.palette;
  const { base, accent, tint, end, behindText } = slideColors(palette);
  const composition = LAYOUTS[variant % LAYOUTS.length]!;
  // Past the four mirrored layouts, the shapes grow: variant 4 differs from variant 0 too.
  const grow = 1 + 0.18 * (Math.floor(variant / LAYOUTS.length) % 3);
  const x = (fraction: number) => width * (composition.flipX ? 1 - fraction : fraction);
  const y = (fraction: number) => height * (composition.flipY ? 1 - fraction : fraction);

  const gradient = ctx.createLinearGradient(x(0), y(0), x(1), y(1));
  gradient.addColorStop(0, toHex(base));
  gradient.addColorStop(1, toHex(end));
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);

  const short = Math.min(width, height);
  drawCircle(ctx, x(0.92), y(0.08), short * 0.42 * grow, rgba(accent, 0.35));
  drawCircle(ctx, x(0.05), y(0.97), short * 0.33 * grow, rgba(tint, 0.25));

  const style = textStyle(behindText);
  const textRgb = style.text;
  const text = toHex(textRgb);
  const margin = Math.round(short * 0.08);

  const headerSize = Math.round(short * 0.034);
  ctx.fillStyle = text;
  ctx.textBaseline = 'alphabetic';
  const headerY = margin + headerSize;
  ctx.font = fontFor(700, headerSize);
  const badgeWidth = input.badge ? ctx.measureText(input.badge).width : 0;
  if (input.badge) ctx.fillText(input.badge, width - margin - badgeWidth, headerY);
  ctx.font = fontFor(700, headerSize);
  ctx.fillText(fitOneLine(ctx, input.brand.name, width - 3 * margin - badgeWidth), margin, headerY);
  ctx.fillStyle = toHex(accent);
  const barY = headerY + headerSize * 0.8;
  ctx.fillRect(margin, barY, Math.round(width * 0.12), Math.max(4, Math.round(short * 0.008)));

  const blocks: TextBlock[] = [{ text: input.topic, weight: 700, scale: 1 }];
  // The intro slide's planned title is often the topic itself: draw it once.
  const sameAsTopic = input.text?.title?.trim().toLowerCase() === input.topic.trim().toLowerCase();
  if (input.text?.title && !sameAsTopic) blocks.push({ text: input.text.title, weight: 700, scale: 0.7 });
  if (input.text?.subtitle) blocks.push({ text: input.text.subtitle, weight: 400, scale: 0.5 });

  const boxTop = barY + margin;
  const boxWidth = width - 2 * margin;
  const boxHeight = height - boxTop - margin;
  const padding = style.panel ? Math.round(short * 0.03) : 0;
  const layout = fitTextStack(ctx, blocks, boxWidth - 2 * padding, boxHeight - 2 * padding, short * 0.09);
  const stackTop = boxTop + (boxHeight - layout.height) / 2;

  if (style.panel) {
    ctx.fillStyle = rgba(style.panel.color, style.panel.alpha);
    ctx.beginPath();
    ctx.roundRect(margin, stackTop - padding, boxWidth, layout.height + 2 * padding, padding);
    ctx.fill();
  }
  ctx.fillStyle = text;
  for (const line of layout.lines) {
    ctx.font = line.font;
    ctx.fillText(line.text, margin + padding, stackTop + line.y);
  }
  return canvas;
}

/** Where the gradient starts and the shapes sit: the four mirror images of one composition. */
const LAYOUTS = [
  { flipX: false, flipY: false },
  { flipX: true, flipY: true },
  { flipX: true, flipY: false },
  { flipX: false, flipY: true },
] as const;

/** The brand's colours starting from the `shift`-th one: another image of the same brand. */
function rotatedPalette(palette: string[], shift: number): string[] {
  const colors = brandColors(palette).map(toHex);
  const start = shift % colors.length;
  return [...colors.slice(start), ...colors.slice(0, start)];
}

function drawCircle(ctx: SKRSContext2D, x: number, y: number, radius: number, fill: string): void {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, Math.PI * 2);
  ctx.fill();
}

/** Shortens a one-line label (the brand name in the header) with an ellipsis when it would overflow. */
function fitOneLine(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let kept = text;
  while (kept.length > 1 && ctx.measureText(`${kept}…`).width > maxWidth) kept = kept.slice(0, -1);
  return `${kept}…`;
}
