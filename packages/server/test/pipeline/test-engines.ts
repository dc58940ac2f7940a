/**
 * Test doubles of the AI providers (the edge, never the database): real ImageEngine / VideoEngine /
 * CarouselPlanner implementations that return small bytes after a delay and fail on demand.
 */
import { appendFileSync } from 'node:fs';
import { ProviderError } from '../../src/engines/errors.js';
import type { Engines } from '../../src/engines/index.js';
import { simulatedLatency } from '../../src/engines/latency.js';

/** A 1×1 PNG: storage writes real bytes, their content does not matter here. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

export type Failure = 'permanent' | 'retryable';

export interface TestEngineOptions {
  latencyMs?: number;
  /** Slide/image index -> how it fails; `times` bounds retryable failures (default: always). */
  failures?: Map<number, { kind: Failure; times?: number }>;
  /** Every render call is appended here as `orderTopic:index` (exactly-once checks across processes). */
  logFile?: string;
  onRender?: (index: number) => void;
}

export function createTestEngines(options: TestEngineOptions = {}): Engines & { calls: number[] } {
  const calls: number[] = [];
  const failedTimes = new Map<number, number>();
  const maybeFail = (index: number) => {
    const failure = options.failures?.get(index);
    if (!failure) return;
    const used = failedTimes.get(index) ?? 0;
    if (failure.times !== undefined && used >= failure.times) return;
    failedTimes.set(index, used + 1);
    throw new ProviderError(`slide ${index} failed`, {
      retryable: failure.kind === 'retryable',
      reason: failure.kind === 'retryable' ? 'PROVIDER_UNAVAILABLE' : 'SAFETY_BLOCK',
    });
  };
  return {
    calls,
    image: {
      name: 'test-image',
      async generateImage(request) {
        const index = request.slide?.index ?? 0;
        calls.push(index);
        if (options.logFile) appendFileSync(options.logFile, `${request.topic}:${index}\n`);
        options.onRender?.(index);
        await simulatedLatency(options.latencyMs ?? 0, request.signal);
        maybeFail(index);
        return { body: PNG, mimeType: 'image/png', width: request.width, height: request.height };
      },
    },
    video: {
      name: 'test-video',
      async generateVideo(request) {
        calls.push(0);
        request.onProgress?.(0.5);
        await simulatedLatency(options.latencyMs ?? 0, request.signal);
        maybeFail(0);
        return {
          body: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]),
          mimeType: 'video/webm',
          width: request.width,
          height: request.height,
          durationSeconds: request.durationSeconds,
        };
      },
    },
    planner: {
      name: 'test-planner',
      async planSlides(request) {
        return Array.from({ length: request.count }, (_, i) => ({ title: `${request.topic} ${i + 1}` }));
      },
    },
  };
}
