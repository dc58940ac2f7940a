import { simulatedLatency, throwIfAborted } from '../latency.js';
import type { ImageEngine, ImageRequest, ImageResult } from '../types.js';
import { drawSlide } from './draw-slide.js';

export interface LocalImageEngineOptions {
  /** Simulated render time in ms (LOCAL_ENGINE_LATENCY_MS), for the pipeline bench. */
  latencyMs?: number;
}

/**
 * The embedded, offline image engine: draws a real PNG at the requested size with the brand's
 * palette, the topic and, on carousels, "slide i/N" with the planned text. Deterministic.
 *
 * @example
 * const engine = createLocalImageEngine();
 * const { body } = await engine.generateImage({ topic, ratio: '1:1', width: 1080, height: 1080, brand });
 */
export function createLocalImageEngine(options: LocalImageEngineOptions = {}): ImageEngine {
  return {
    name: 'local',
    async generateImage(request: ImageRequest): Promise<ImageResult> {
      throwIfAborted(request.signal);
      // The simulated latency runs alongside the real drawing, as a remote engine's render would:
      // the result is ready after max(L, draw + encode), not L + draw + encode. An abort rejects at
      // once through the latency timer, whatever the encoder is doing.
      const latency = simulatedLatency(options.latencyMs ?? 0, request.signal);
      latency.catch(() => {});
      const canvas = drawSlide({
        width: request.width,
        height: request.height,
        topic: request.topic,
        brand: request.brand,
        badge: request.slide ? `slide ${request.slide.index + 1}/${request.slide.total}` : undefined,
        text: request.slide?.text,
        // Slides keep the brand's colours in order (a carousel reads as one piece) and vary the
        // layout; separate images and A/B variants vary both, so no two of them look alike.
        variant: request.variant?.index ?? request.item?.index ?? request.slide?.index ?? 0,
        varyPalette: !request.slide || request.variant !== undefined,
      });
      const [body] = await Promise.all([canvas.encode('png'), latency]);
      throwIfAborted(request.signal);
      return { body, mimeType: 'image/png', width: request.width, height: request.height };
    },
  };
}
