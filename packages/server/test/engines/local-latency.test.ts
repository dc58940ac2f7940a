import { afterEach, describe, expect, it, vi } from 'vitest';
import { RATIO_SIZES } from '../../src/engines/index.js';
import { drawSlide } from '../../src/engines/local/draw-slide.js';
import { createLocalImageEngine } from '../../src/engines/local/image-engine.js';
import { readBody } from '../../src/engines/media-body.js';
import { brand, pngSize } from './fixtures.js';

// Counts the drawings, drawing for real (the engine's only collaborator with no timer in it).
vi.mock('../../src/engines/local/draw-slide.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/engines/local/draw-slide.js')>();
  return { ...actual, drawSlide: vi.fn(actual.drawSlide) };
});

/**
 * LOCAL_ENGINE_LATENCY_MS simulates a remote engine: the drawing happens while the latency runs
 * (as a provider renders while we wait), so a slide is ready after max(L, draw), not L + draw.
 * Fake timers hold the latency still; the PNG encoding runs for real on libuv's pool.
 */
describe('local image engine latency', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.mocked(drawSlide).mockClear();
  });
  const request = { topic: 'Overlap', ratio: '4:5' as const, ...RATIO_SIZES['4:5'], brand };

  it('draws and encodes at once, then answers when L has passed, not before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const engine = createLocalImageEngine({ latencyMs: 10_000 });
    let answered = false;
    const pending = engine.generateImage(request).then((result) => {
      answered = true;
      return result;
    });
    expect(drawSlide).toHaveBeenCalledTimes(1);
    // Real time for the real encoder; the simulated clock has not moved.
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const result = await pending;
    expect(pngSize(await readBody(result.body))).toEqual(RATIO_SIZES['4:5']);
  });

  it('rejects at once when aborted during what is left of L', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const engine = createLocalImageEngine({ latencyMs: 10_000 });
    const controller = new AbortController();
    const pending = engine.generateImage({ ...request, signal: controller.signal });
    expect(drawSlide).toHaveBeenCalledTimes(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ reason: 'ABORTED', retryable: false });
  });

  it('draws nothing for an order already canceled', async () => {
    const controller = new AbortController();
    controller.abort();
    const engine = createLocalImageEngine({ latencyMs: 10_000 });
    await expect(engine.generateImage({ ...request, signal: controller.signal })).rejects.toMatchObject({
      reason: 'ABORTED',
    });
    expect(drawSlide).not.toHaveBeenCalled();
  });
});
