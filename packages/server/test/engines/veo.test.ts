import { GoogleGenAI } from '@google/genai';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVeoEngine } from '../../src/engines/gemini/veo-engine.js';
import { RATIO_SIZES } from '../../src/engines/index.js';
import { createLocalImageEngine } from '../../src/engines/local/image-engine.js';
import { readBody } from '../../src/engines/media-body.js';
import type { VideoRequest } from '../../src/engines/types.js';
import type { Json } from './fixtures.js';
import { brand } from './fixtures.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const MODEL = 'veo-3.0-fast-generate-001';
const OPERATION = `publishers/google/models/${MODEL}/operations/op-123`;
const mp4 = Buffer.from([0, 0, 0, 24, 102, 116, 121, 112, 109, 112, 52, 50, 1, 2, 3]);
const request: VideoRequest = {
  topic: 'Yoga',
  ratio: '9:16',
  ...RATIO_SIZES['9:16'],
  durationSeconds: 8,
  brand,
};

interface Seen {
  url: string;
  body: Json;
  key: string | null;
}

/** Vertex AI's long-running Veo API: predictLongRunning starts, fetchPredictOperation polls. */
function vertexVeo(seen: Seen[], polls: Array<() => Response>) {
  let poll = 0;
  return http.post(/^https:\/\/aiplatform\.googleapis\.com\//, async ({ request }) => {
    const body = await request.json();
    seen.push({ url: request.url, body, key: request.headers.get('x-goog-api-key') });
    if (request.url.endsWith(':predictLongRunning')) return HttpResponse.json({ name: OPERATION });
    return polls[Math.min(poll++, polls.length - 1)]!();
  });
}

const pending = () => HttpResponse.json({ name: OPERATION, done: false });
const finished = () =>
  HttpResponse.json({
    name: OPERATION,
    done: true,
    response: {
      '@type': 'type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse',
      raiMediaFilteredCount: 0,
      videos: [{ bytesBase64Encoded: mp4.toString('base64'), mimeType: 'video/mp4' }],
    },
  });

const engine = (timeoutMs = 5_000) =>
  createVeoEngine({
    client: new GoogleGenAI({ vertexai: true, apiKey: 'vertex-key' }),
    firstFrame: createLocalImageEngine(),
    pollInitialMs: 10,
    pollMaxMs: 20,
    timeoutMs,
    retry: { baseDelayMs: 5 },
  });

describe('Veo video engine', () => {
  it('starts a long-running operation from the brand first frame and polls it to the video', async () => {
    const seen: Seen[] = [];
    server.use(vertexVeo(seen, [pending, pending, finished]));
    const progress: number[] = [];
    const result = await engine().generateVideo({ ...request, onProgress: (p) => progress.push(p) });
    const start = seen[0]!;
    expect(start.url).toContain(`/models/${MODEL}:predictLongRunning`);
    expect(start.key).toBe('vertex-key');
    expect(start.body.instances[0].prompt).toContain('Yoga');
    expect(start.body.instances[0].image.bytesBase64Encoded).toMatch(/^iVBORw0KGgo/);
    expect(start.body.parameters).toMatchObject({ aspectRatio: '9:16', durationSeconds: 8, sampleCount: 1 });
    expect(seen.filter((s) => s.url.endsWith(':fetchPredictOperation'))).toHaveLength(3);
    expect(Buffer.from(await readBody(result.body))).toEqual(mp4);
    expect(result.mimeType).toBe('video/mp4');
    expect(result.poster?.mimeType).toBe('image/png');
    expect(progress.at(-1)).toBe(1);
  });

  it('gives up after its timeout, retryable', async () => {
    server.use(vertexVeo([], [pending]));
    await expect(engine(100).generateVideo(request)).rejects.toMatchObject({
      retryable: true,
      reason: 'TIMEOUT',
    });
  });

  it('fails permanently on a safety filter, keeping the reason', async () => {
    const filtered = () =>
      HttpResponse.json({
        name: OPERATION,
        done: true,
        response: { raiMediaFilteredCount: 1, raiMediaFilteredReasons: ['Unsafe content'] },
      });
    server.use(vertexVeo([], [filtered]));
    await expect(engine().generateVideo(request)).rejects.toMatchObject({
      retryable: false,
      reason: 'SAFETY_BLOCK',
      message: expect.stringContaining('Unsafe content'),
    });
  });

  it('retries a 429 and refuses ratios and durations Veo cannot render', async () => {
    const seen: Seen[] = [];
    let first = true;
    server.use(
      http.post(/:predictLongRunning$/, () => {
        if (first) {
          first = false;
          return HttpResponse.json(
            { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' } },
            { status: 429 },
          );
        }
        return HttpResponse.json({ name: OPERATION });
      }),
      vertexVeo(seen, [finished]),
    );
    await engine().generateVideo(request);
    await expect(engine().generateVideo({ ...request, ratio: '4:5' })).rejects.toMatchObject({
      retryable: false,
      reason: 'UNSUPPORTED',
    });
    await expect(engine().generateVideo({ ...request, durationSeconds: 15 })).rejects.toMatchObject({
      reason: 'UNSUPPORTED',
    });
  });
});
