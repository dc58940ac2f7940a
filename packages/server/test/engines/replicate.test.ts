import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RATIO_SIZES } from '../../src/engines/index.js';
import { createLocalImageEngine } from '../../src/engines/local/image-engine.js';
import { readBody } from '../../src/engines/media-body.js';
import { ReplicateClient } from '../../src/engines/replicate/client.js';
import { createReplicateImageEngine } from '../../src/engines/replicate/image-engine.js';
import { createReplicateVideoEngine } from '../../src/engines/replicate/video-engine.js';
import type { ImageRequest, VideoRequest } from '../../src/engines/types.js';
import { brand } from './fixtures.js';
import { geminiPng } from './msw-gemini.js';
import { OUTPUT_URL, prediction, type ReplicateCall, replicateHandlers } from './msw-replicate.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TOKEN = 'r8_test_token';
const client = () => new ReplicateClient({ token: TOKEN, timeoutMs: 2_000 });
const fastPoll = { initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 2_000 };
const imageEngine = () =>
  createReplicateImageEngine({
    client: client(),
    model: 'black-forest-labs/flux-schnell',
    poll: fastPoll,
    retry: { baseDelayMs: 5, maxInlineDelayMs: 1_500 },
  });
const request: ImageRequest = {
  topic: 'Yoga au bureau',
  ratio: '4:5',
  ...RATIO_SIZES['4:5'],
  brand,
  locale: 'fr',
};

let png: Buffer;
let calls: ReplicateCall[];
beforeAll(async () => {
  png = Buffer.from(await geminiPng(864, 1080), 'base64');
});
beforeEach(() => {
  calls = [];
});

const succeeded =
  (id = 'p1') =>
  () =>
    HttpResponse.json(prediction(id, 'succeeded', { output: [OUTPUT_URL] }), { status: 201 });

describe('Replicate image engine', () => {
  it('creates the prediction in sync mode (Prefer: wait) and downloads the output', async () => {
    server.use(
      ...replicateHandlers(calls, { create: [succeeded()], output: { body: png, type: 'image/png' } }),
    );
    const result = await imageEngine().generateImage(request);
    const create = calls[0]!;
    expect(create.url).toBe('https://api.replicate.com/v1/models/black-forest-labs/flux-schnell/predictions');
    expect(create.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(create.headers.get('prefer')).toBe('wait=60');
    expect(create.body.input).toMatchObject({ aspect_ratio: '4:5', output_format: 'png' });
    expect(create.body.input.prompt).toContain('Yoga au bureau');
    expect(create.body.webhook).toBeUndefined();
    expect(calls.map((c) => `${c.method} ${new URL(c.url).host}`)).toEqual([
      'POST api.replicate.com',
      'GET replicate.delivery',
    ]);
    expect(result).toMatchObject({ mimeType: 'image/png', width: 864, height: 1080 });
    expect(Buffer.from(await readBody(result.body))).toEqual(png);
  });

  it('polls a prediction still starting/processing, with backoff, until it succeeds', async () => {
    server.use(
      ...replicateHandlers(calls, {
        create: [() => HttpResponse.json(prediction('p2', 'starting'), { status: 201 })],
        get: [
          () => HttpResponse.json(prediction('p2', 'processing')),
          () => HttpResponse.json(prediction('p2', 'succeeded', { output: OUTPUT_URL })),
        ],
        output: { body: png, type: 'image/png' },
      }),
    );
    await imageEngine().generateImage(request);
    expect(calls.filter((c) => c.method === 'GET' && c.url.endsWith('/predictions/p2'))).toHaveLength(2);
  });

  it('waits the Retry-After of a 429 when it is short', async () => {
    server.use(
      ...replicateHandlers(calls, {
        create: [
          () =>
            HttpResponse.json(
              { detail: 'Request was throttled.' },
              { status: 429, headers: { 'Retry-After': '1' } },
            ),
          succeeded(),
        ],
        output: { body: png, type: 'image/png' },
      }),
    );
    const started = Date.now();
    await imageEngine().generateImage(request);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('hands a long Retry-After back to the queue', async () => {
    server.use(
      ...replicateHandlers(calls, {
        create: [
          () =>
            HttpResponse.json(
              { detail: 'Request was throttled.' },
              { status: 429, headers: { 'Retry-After': '120' } },
            ),
        ],
      }),
    );
    await expect(imageEngine().generateImage(request)).rejects.toMatchObject({
      retryable: true,
      reason: 'RATE_LIMITED',
      retryAfterMs: 120_000,
    });
    expect(calls).toHaveLength(1);
  });

  it('backs off on a 429 without Retry-After, then reports it retryable', async () => {
    server.use(
      ...replicateHandlers(calls, {
        create: [() => HttpResponse.json({ detail: 'throttled' }, { status: 429 })],
      }),
    );
    await expect(imageEngine().generateImage(request)).rejects.toMatchObject({
      retryable: true,
      reason: 'RATE_LIMITED',
      retryAfterMs: undefined,
    });
    expect(calls).toHaveLength(3);
  });

  it('treats a 500 as retryable and a 422 as permanent', async () => {
    server.use(
      ...replicateHandlers(calls, { create: [() => HttpResponse.json({ detail: 'oops' }, { status: 500 })] }),
    );
    await expect(imageEngine().generateImage(request)).rejects.toMatchObject({
      retryable: true,
      reason: 'PROVIDER_UNAVAILABLE',
    });
    calls = [];
    server.use(
      ...replicateHandlers(calls, {
        create: [() => HttpResponse.json({ detail: 'input.aspect_ratio is invalid' }, { status: 422 })],
      }),
    );
    await expect(imageEngine().generateImage(request)).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('aspect_ratio'),
    });
  });

  it('reports malformed JSON as retryable', async () => {
    server.use(
      ...replicateHandlers(calls, {
        create: [
          () =>
            new HttpResponse('{"id": "p', { status: 201, headers: { 'Content-Type': 'application/json' } }),
        ],
      }),
    );
    await expect(imageEngine().generateImage(request)).rejects.toMatchObject({
      retryable: true,
      reason: 'MALFORMED_RESPONSE',
    });
  });

  it('fails permanently when the prediction fails, keeping its error', async () => {
    server.use(
      ...replicateHandlers(calls, {
        create: [
          () =>
            HttpResponse.json(
              prediction('p3', 'failed', { error: 'NSFW content detected. Try a different prompt.' }),
              { status: 201 },
            ),
        ],
      }),
    );
    await expect(imageEngine().generateImage(request)).rejects.toMatchObject({
      retryable: false,
      reason: 'PREDICTION_FAILED',
      message: expect.stringContaining('NSFW content detected'),
    });
  });

  it('gives up after the timeout and cancels the prediction', async () => {
    server.use(
      ...replicateHandlers(calls, {
        create: [() => HttpResponse.json(prediction('p4', 'starting'), { status: 201 })],
        get: [() => HttpResponse.json(prediction('p4', 'processing'))],
      }),
    );
    const slow = createReplicateImageEngine({
      client: client(),
      model: 'a/b',
      poll: { initialDelayMs: 20, maxDelayMs: 20, timeoutMs: 150 },
    });
    await expect(slow.generateImage(request)).rejects.toMatchObject({ retryable: true, reason: 'TIMEOUT' });
    expect(calls.at(-1)).toMatchObject({
      method: 'POST',
      url: 'https://api.replicate.com/v1/predictions/p4/cancel',
    });
  });

  it('cancels the prediction when the order is canceled', async () => {
    server.use(
      ...replicateHandlers(calls, {
        create: [() => HttpResponse.json(prediction('p5', 'starting'), { status: 201 })],
        get: [() => HttpResponse.json(prediction('p5', 'processing'))],
      }),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    await expect(
      imageEngine().generateImage({ ...request, signal: controller.signal }),
    ).rejects.toMatchObject({ reason: 'ABORTED' });
    expect(calls.some((c) => c.url === 'https://api.replicate.com/v1/predictions/p5/cancel')).toBe(true);
  });
});

describe('Replicate video engine', () => {
  const videoRequest: VideoRequest = {
    topic: 'Yoga',
    ratio: '9:16',
    ...RATIO_SIZES['9:16'],
    durationSeconds: 5,
    brand,
  };
  const mp4 = new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112, 109, 112, 52, 50]);

  it('sends the brand-styled first frame as start_image and streams the video back', async () => {
    server.use(
      ...replicateHandlers(calls, {
        create: [() => HttpResponse.json(prediction('v1', 'starting'), { status: 201 })],
        get: [
          () =>
            HttpResponse.json(
              prediction('v1', 'succeeded', { output: 'https://replicate.delivery/xezq/v1/output.mp4' }),
            ),
        ],
        output: { body: mp4, type: 'video/mp4' },
      }),
    );
    const engine = createReplicateVideoEngine({
      client: client(),
      model: 'kwaivgi/kling-v2.1',
      firstFrame: createLocalImageEngine(),
      poll: fastPoll,
    });
    const progress: number[] = [];
    const result = await engine.generateVideo({ ...videoRequest, onProgress: (p) => progress.push(p) });
    const input = calls[0]!.body.input;
    expect(input).toMatchObject({ aspect_ratio: '9:16', duration: 5 });
    expect(input.start_image).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(result.mimeType).toBe('video/mp4');
    expect(new Uint8Array(await readBody(result.body))).toEqual(mp4);
    expect(result.poster?.mimeType).toBe('image/png');
    expect(progress.at(-1)).toBe(1);
  });

  it('parks: startVideo asks for a completed-only webhook, checkVideo uses the webhook snapshot', async () => {
    server.use(
      ...replicateHandlers(calls, {
        create: [() => HttpResponse.json(prediction('v2', 'starting'), { status: 201 })],
        get: [() => HttpResponse.json(prediction('v2', 'processing'))],
        output: { body: mp4, type: 'video/mp4' },
      }),
    );
    const engine = createReplicateVideoEngine({
      client: client(),
      model: 'kwaivgi/kling-v2.1',
      webhookUrl: 'https://alfie.example.com/v1/webhooks/replicate',
    });
    expect(await engine.startVideo(videoRequest)).toEqual({ provider: 'replicate', ref: 'v2' });
    expect(calls[0]!.body).toMatchObject({
      webhook: 'https://alfie.example.com/v1/webhooks/replicate',
      webhook_events_filter: ['completed'],
    });
    expect(calls[0]!.headers.get('prefer')).toBeNull();

    expect(await engine.checkVideo('v2', videoRequest)).toEqual({ status: 'pending' });
    const snapshot = prediction('v2', 'succeeded', {
      output: 'https://replicate.delivery/xezq/v2/output.mp4',
    });
    const gets = calls.filter((c) => c.method === 'GET' && c.url.includes('/predictions/')).length;
    const state = await engine.checkVideo('v2', videoRequest, snapshot);
    expect(state.status).toBe('done');
    expect(calls.filter((c) => c.method === 'GET' && c.url.includes('/predictions/')).length).toBe(gets);

    // Resumed in another process (a new engine, nothing in memory): the poster is drawn again.
    const elsewhere = createReplicateVideoEngine({
      client: client(),
      model: 'kwaivgi/kling-v2.1',
      firstFrame: createLocalImageEngine(),
    });
    const resumed = await elsewhere.checkVideo('v2', videoRequest, snapshot);
    expect(resumed.status === 'done' && resumed.result.poster?.mimeType).toBe('image/png');
    const posterBytes = resumed.status === 'done' ? await readBody(resumed.result.poster!.body) : null;
    expect(posterBytes?.subarray(1, 4).toString()).toBe('PNG');

    const failed = prediction('v2', 'failed', { error: 'Model crashed' });
    await expect(engine.checkVideo('v2', videoRequest, failed)).rejects.toMatchObject({
      reason: 'PREDICTION_FAILED',
    });
    const canceled = prediction('v2', 'canceled');
    await expect(engine.checkVideo('v2', videoRequest, canceled)).rejects.toMatchObject({
      reason: 'PREDICTION_CANCELED',
    });
  });
});
