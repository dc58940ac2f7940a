import { createHash } from 'node:crypto';
import { RATIOS } from '@alfie/core/contract';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { RATIO_SIZES } from '../../src/engines/index.js';
import { contrast, mix, textStyle } from '../../src/engines/local/colors.js';
import { slideColors } from '../../src/engines/local/draw-slide.js';
import { fitTextStack } from '../../src/engines/local/fit-text.js';
import { ensureFontRegistered } from '../../src/engines/local/font.js';
import { createLocalImageEngine } from '../../src/engines/local/image-engine.js';
import { readBody } from '../../src/engines/media-body.js';
import { brand, pngSize } from './fixtures.js';

const engine = createLocalImageEngine();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('local image engine', { timeout: 30_000 }, () => {
  it.each(RATIOS)('renders a decodable PNG at the pixel size of %s', async (ratio) => {
    const { width, height } = RATIO_SIZES[ratio];
    const result = await engine.generateImage({
      topic: 'Tendances marketing 2025',
      ratio,
      width,
      height,
      brand,
    });
    const png = await readBody(result.body);
    expect(result).toMatchObject({ mimeType: 'image/png', width, height });
    expect(pngSize(png)).toEqual({ width, height });
    const decoded = await loadImage(png);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
  });

  it('gives the same bytes for the same input, and different bytes for another slide', async () => {
    const request = {
      topic: 'Le café de spécialité',
      ratio: '4:5' as const,
      ...RATIO_SIZES['4:5'],
      brand,
      slide: { index: 2, total: 5, text: { title: 'Point clé', subtitle: 'Un conseil concret' } },
    };
    const first = sha256(await readBody((await engine.generateImage(request)).body));
    const second = sha256(await readBody((await engine.generateImage(request)).body));
    const other = sha256(
      await readBody(
        (await engine.generateImage({ ...request, slide: { ...request.slide, index: 3 } })).body,
      ),
    );
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it('makes every image of one order different: another layout, and for images another palette', async () => {
    const request = { topic: 'Nouvelle collection', ratio: '1:1' as const, ...RATIO_SIZES['1:1'], brand };
    const images = await Promise.all(
      [0, 1, 2, 3, 4].map(async (index) =>
        readBody((await engine.generateImage({ ...request, item: { index, total: 5 } })).body),
      ),
    );
    expect(new Set(images.map(sha256)).size).toBe(5);
    // Visibly different, not a few pixels: the top-left corners of images 0 and 1 are far apart.
    const corner = async (png: Uint8Array) => {
      const image = await loadImage(png);
      const canvas = createCanvas(image.width, image.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      return [...ctx.getImageData(1, 1, 1, 1).data.slice(0, 3)];
    };
    const [a, b] = [await corner(images[0]!), await corner(images[1]!)];
    const distance = Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
    expect(distance).toBeGreaterThan(60);
    // Slides of one carousel keep the brand's first colour where the gradient starts.
    const slide = await engine.generateImage({
      ...request,
      slide: { index: 1, total: 3 },
      item: { index: 1, total: 3 },
    });
    const slideCorners = [
      [1, 1],
      [request.width - 2, request.height - 2],
    ];
    const image = await loadImage(await readBody(slide.body));
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const near = slideCorners.some(([px, py]) => {
      const pixel = [...ctx.getImageData(px!, py!, 1, 1).data.slice(0, 3)];
      return [0x0b, 0x3d, 0x91].every((channel, i) => Math.abs(pixel[i]! - channel) <= 2);
    });
    expect(near).toBe(true);
  });

  it('draws in the brand palette', async () => {
    const result = await engine.generateImage({ topic: 'x', ratio: '1:1', ...RATIO_SIZES['1:1'], brand });
    const image = await loadImage(await readBody(result.body));
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    // Top-left corner is the gradient's start: the brand's first colour, #0B3D91.
    const corner = [...ctx.getImageData(1, 1, 1, 1).data.slice(0, 3)];
    for (const [i, channel] of [0x0b, 0x3d, 0x91].entries()) {
      expect(Math.abs(corner[i]! - channel)).toBeLessThanOrEqual(2);
    }
  });

  it('renders a maximal (2000 character) topic at every ratio', async () => {
    const topic = 'Unbreakablewordwithoutanyspaces'.repeat(4) + ' marketing'.repeat(187);
    expect(topic.length).toBeLessThanOrEqual(2000);
    for (const ratio of RATIOS) {
      const result = await engine.generateImage({ topic, ratio, ...RATIO_SIZES[ratio], brand });
      expect(pngSize(await readBody(result.body))).toEqual(RATIO_SIZES[ratio]);
    }
  }, 30_000);

  it('aborts during the simulated latency', async () => {
    const slow = createLocalImageEngine({ latencyMs: 5_000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = slow.generateImage({
      topic: 'x',
      ratio: '1:1',
      ...RATIO_SIZES['1:1'],
      brand,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ reason: 'ABORTED', retryable: false });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('waits for the simulated latency', async () => {
    const slow = createLocalImageEngine({ latencyMs: 150 });
    const started = Date.now();
    await slow.generateImage({ topic: 'x', ratio: '1:1', ...RATIO_SIZES['1:1'], brand });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });
});

describe('fitTextStack', () => {
  ensureFontRegistered();
  const ctx = createCanvas(10, 10).getContext('2d');

  it('shrinks and wraps a topic wider than the slide: every word kept, every line inside the box', () => {
    const topic =
      `${'Anticonstitutionnellement'.repeat(3)} ${'les tendances du marketing digital '.repeat(40)}`.trim();
    const [maxWidth, maxHeight] = [936, 900];
    const layout = fitTextStack(ctx, [{ text: topic, weight: 700, scale: 1 }], maxWidth, maxHeight, 97);
    expect(layout.baseSize).toBeLessThan(97);
    expect(layout.height).toBeLessThanOrEqual(maxHeight);
    for (const line of layout.lines) {
      ctx.font = line.font;
      expect(ctx.measureText(line.text).width).toBeLessThanOrEqual(maxWidth);
    }
    // Nothing dropped: the lines put back together are the topic (the long word was split, not cut).
    expect(
      layout.lines
        .map((l) => l.text)
        .join('')
        .replace(/\s/g, ''),
    ).toBe(topic.replace(/\s/g, ''));
  });

  it('keeps a short title at the largest size', () => {
    const layout = fitTextStack(ctx, [{ text: 'Yoga', weight: 700, scale: 1 }], 936, 900, 97);
    expect(layout.baseSize).toBe(97);
    expect(layout.lines).toHaveLength(1);
  });
});

describe('text contrast', () => {
  const palettes = [
    ['#0B3D91', '#F2A900', '#FFFFFF'],
    ['#FFFFFF', '#FFFF00', '#F0F0F0'],
    ['#777777', '#888888', '#7F7F7F'],
    ['#FF0000', '#00FF00', '#0000FF'],
    ['#FFE4E1', '#FFF8DC', '#000000'],
    ['#000000', '#111111', '#222222'],
  ];
  // And a deterministic spread of random palettes.
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  for (let i = 0; i < 200; i++) {
    palettes.push([0, 1, 2].map(() => `#${(next() % 0xffffff).toString(16).padStart(6, '0')}`));
  }

  it('reaches WCAG AA (4.5:1) on every colour behind the text, with a panel when needed', () => {
    for (const palette of palettes) {
      const behind = slideColors(palette).behindText;
      const style = textStyle(behind);
      const effective = style.panel
        ? behind.map((bg) => mix(bg, style.panel!.color, style.panel!.alpha))
        : behind;
      const worst = Math.min(...effective.map((bg) => contrast(style.text, bg)));
      expect(worst, palette.join(' ')).toBeGreaterThanOrEqual(4.5);
    }
  });
});
