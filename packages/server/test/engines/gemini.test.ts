import { delay, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGeminiClient } from '../../src/engines/gemini/client.js';
import { createGeminiImageEngine } from '../../src/engines/gemini/image-engine.js';
import { createGeminiPlanner } from '../../src/engines/gemini/planner.js';
import { RATIO_SIZES } from '../../src/engines/index.js';
import { readBody } from '../../src/engines/media-body.js';
import type { ImageRequest } from '../../src/engines/types.js';
import { brand, pngSize } from './fixtures.js';
import {
  geminiPng,
  generateContentHandler,
  googleError,
  imageReply,
  type RecordedRequest,
  textOnlyReply,
} from './msw-gemini.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const API_KEY = 'test-gemini-key';
let png: string;
let seen: RecordedRequest[];
beforeAll(async () => {
  png = await geminiPng();
});
beforeEach(() => {
  seen = [];
});

function engine(timeoutMs = 5_000) {
  return createGeminiImageEngine({
    client: createGeminiClient({ apiKey: API_KEY, timeoutMs }),
    retry: { baseDelayMs: 5, maxInlineDelayMs: 1_000 },
  });
}

const request: ImageRequest = {
  topic: 'Les tendances du café de spécialité',
  ratio: '4:5',
  ...RATIO_SIZES['4:5'],
  brand,
  locale: 'fr',
  slide: {
    index: 1,
    total: 5,
    text: { title: 'Le retour du filtre', subtitle: 'La V60 détrône l’espresso' },
  },
};

/** A Gemini reply that comes too late for the engine's timeout or signal. */
async function neverAnswers() {
  await delay(2_000);
  return HttpResponse.json({});
}

describe('Gemini image engine ("Nano Banana")', () => {
  it('sends the documented generateContent request and decodes the inlineData image', async () => {
    server.use(generateContentHandler([imageReply(png)], seen));
    const result = await engine().generateImage(request);

    expect(seen).toHaveLength(1);
    const [sent] = seen;
    expect(sent!.url).toMatch(
      /^https:\/\/generativelanguage\.googleapis\.com\/v1(beta)?\/models\/gemini-2\.5-flash-image:generateContent$/,
    );
    expect(sent!.headers.get('x-goog-api-key')).toBe(API_KEY);
    expect(sent!.body.generationConfig).toMatchObject({
      responseModalities: ['IMAGE'],
      imageConfig: { aspectRatio: '4:5' },
    });
    const prompt: string = sent!.body.contents[0].parts[0].text;
    expect(prompt).toContain('Les tendances du café de spécialité');
    expect(prompt).toContain('deep blue, amber, white');
    expect(prompt).not.toMatch(/#[0-9a-f]{6}/i);
    expect(prompt).toContain('chaleureuse et experte');
    expect(prompt).toContain('cafés de spécialité');
    expect(prompt).toContain('slide 2 of 5');
    expect(prompt).toContain('"Le retour du filtre"');
    expect(prompt).toContain('French');

    expect(result).toMatchObject({ mimeType: 'image/png', width: 896, height: 1088 });
    expect(pngSize(await readBody(result.body))).toEqual({ width: 896, height: 1088 });
  });

  it('uses the configured model', async () => {
    server.use(generateContentHandler([imageReply(png)], seen));
    const pro = createGeminiImageEngine({
      client: createGeminiClient({ apiKey: API_KEY }),
      model: 'gemini-3-pro-image-preview',
    });
    await pro.generateImage(request);
    expect(seen[0]!.url).toContain('/models/gemini-3-pro-image-preview:generateContent');
    expect(pro.name).toBe('gemini:gemini-3-pro-image-preview');
  });

  it('retries a 429 after the RetryInfo delay when it is short', async () => {
    server.use(
      generateContentHandler([googleError(429, 'RESOURCE_EXHAUSTED', '0.150s'), imageReply(png)], seen),
    );
    const started = Date.now();
    await engine().generateImage(request);
    expect(seen).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('hands a long RetryInfo delay back to the queue as retryAfterMs', async () => {
    server.use(generateContentHandler([googleError(429, 'RESOURCE_EXHAUSTED', '34.4s')], seen));
    await expect(engine().generateImage(request)).rejects.toMatchObject({
      retryable: true,
      reason: 'RATE_LIMITED',
      retryAfterMs: 34_400,
    });
    expect(seen).toHaveLength(1);
  });

  it('backs off on a 429 without a delay, then reports it retryable', async () => {
    server.use(generateContentHandler([googleError(429, 'RESOURCE_EXHAUSTED')], seen));
    const error = await engine()
      .generateImage(request)
      .catch((e) => e);
    expect(error).toMatchObject({ retryable: true, reason: 'RATE_LIMITED', retryAfterMs: undefined });
    expect(seen).toHaveLength(3);
  });

  it('treats a 500 as retryable', async () => {
    server.use(generateContentHandler([googleError(500, 'INTERNAL')], seen));
    await expect(engine().generateImage(request)).rejects.toMatchObject({
      retryable: true,
      reason: 'PROVIDER_UNAVAILABLE',
    });
  });

  it('treats a 400 as permanent', async () => {
    server.use(generateContentHandler([googleError(400, 'INVALID_ARGUMENT')], seen));
    await expect(engine().generateImage(request)).rejects.toMatchObject({
      retryable: false,
      reason: 'PROVIDER_REJECTED',
    });
    expect(seen).toHaveLength(1);
  });

  it('times out a request that never answers', async () => {
    server.use(generateContentHandler([neverAnswers], seen));
    const fast = createGeminiImageEngine({
      client: createGeminiClient({ apiKey: API_KEY, timeoutMs: 100 }),
      retry: { attempts: 1 },
    });
    await expect(fast.generateImage(request)).rejects.toMatchObject({ retryable: true, reason: 'TIMEOUT' });
  });

  it('reports malformed JSON as retryable', async () => {
    server.use(
      generateContentHandler(
        [() => new HttpResponse('{"candidates": [', { headers: { 'Content-Type': 'application/json' } })],
        seen,
      ),
    );
    await expect(engine().generateImage(request)).rejects.toMatchObject({
      retryable: true,
      reason: 'MALFORMED_RESPONSE',
    });
  });

  it('fails permanently on a prompt block, keeping the reason', async () => {
    server.use(
      generateContentHandler(
        [
          () =>
            HttpResponse.json({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT', safetyRatings: [] } }),
        ],
        seen,
      ),
    );
    const error = await engine()
      .generateImage(request)
      .catch((e) => e);
    expect(error).toMatchObject({ retryable: false, reason: 'SAFETY_BLOCK' });
    expect(error.message).toContain('PROHIBITED_CONTENT');
    expect(seen).toHaveLength(1);
  });

  it('fails permanently on a safety finish reason', async () => {
    server.use(
      generateContentHandler(
        [() => HttpResponse.json({ candidates: [{ content: { parts: [] }, finishReason: 'IMAGE_SAFETY' }] })],
        seen,
      ),
    );
    await expect(engine().generateImage(request)).rejects.toMatchObject({
      retryable: false,
      reason: 'SAFETY_BLOCK',
      message: expect.stringContaining('IMAGE_SAFETY'),
    });
  });

  it('asks once more, insisting on an image, when the reply has none', async () => {
    server.use(generateContentHandler([textOnlyReply, imageReply(png)], seen));
    const result = await engine().generateImage(request);
    expect(result.width).toBe(896);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.body.contents[0].parts[0].text).toContain('Answer with the image itself');
  });

  it('fails with NO_IMAGE after the insisting retry also has no image', async () => {
    server.use(generateContentHandler([textOnlyReply], seen));
    await expect(engine().generateImage(request)).rejects.toMatchObject({
      retryable: false,
      reason: 'NO_IMAGE',
    });
    expect(seen).toHaveLength(2);
  });

  it('aborts with the signal', async () => {
    server.use(generateContentHandler([neverAnswers], seen));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(engine().generateImage({ ...request, signal: controller.signal })).rejects.toMatchObject({
      reason: 'ABORTED',
    });
  });
});

describe('Gemini carousel planner', () => {
  const planner = () =>
    createGeminiPlanner({ client: createGeminiClient({ apiKey: API_KEY }), retry: { baseDelayMs: 5 } });
  const plan = [
    { title: 'Le café change', subtitle: 'Trois tendances à suivre' },
    { title: 'Le filtre revient', subtitle: 'La V60 partout' },
    { title: 'Abonnez-vous', subtitle: 'Chaque semaine un conseil' },
  ];
  const textReply = (text: string) => () =>
    HttpResponse.json({ candidates: [{ content: { parts: [{ text }] }, finishReason: 'STOP' }] });

  it('asks for structured JSON with a schema and returns the slides', async () => {
    server.use(generateContentHandler([textReply(JSON.stringify(plan))], seen));
    const slides = await planner().planSlides({ topic: 'Le café en 2025', count: 3, locale: 'fr', brand });
    expect(slides).toEqual(plan);
    const sent = seen[0]!;
    expect(sent.url).toContain('/models/gemini-2.5-flash:generateContent');
    expect(sent.body.generationConfig.responseMimeType).toBe('application/json');
    expect(sent.body.generationConfig.responseSchema).toMatchObject({
      type: 'ARRAY',
      minItems: '3',
      maxItems: '3',
      items: { type: 'OBJECT', required: ['title', 'subtitle'] },
    });
    expect(sent.body.contents[0].parts[0].text).toContain('Write in French');
  });

  it('rejects a plan that is not JSON, or has too few slides, as retryable', async () => {
    server.use(generateContentHandler([textReply('Voici votre plan : …')], seen));
    await expect(planner().planSlides({ topic: 't', count: 3, locale: 'fr', brand })).rejects.toMatchObject({
      reason: 'MALFORMED_RESPONSE',
      retryable: true,
    });
    seen = [];
    server.use(generateContentHandler([textReply(JSON.stringify(plan.slice(0, 2)))], seen));
    await expect(planner().planSlides({ topic: 't', count: 3, locale: 'en', brand })).rejects.toMatchObject({
      reason: 'MALFORMED_RESPONSE',
    });
  });
});
