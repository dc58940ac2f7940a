import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RATIO_SIZES } from '../../src/engines/index.js';
import { ReplicateClient } from '../../src/engines/replicate/client.js';
import { createReplicateImageEngine } from '../../src/engines/replicate/image-engine.js';
import { VARIANT_PROMPT_MODIFIERS } from '../../src/variants/styles.js';
import { brand } from '../engines/fixtures.js';
import { geminiPng } from '../engines/msw-gemini.js';
import { OUTPUT_URL, prediction, type ReplicateCall, replicateHandlers } from '../engines/msw-replicate.js';

// msw stands in for Replicate only (the edge); the engine is the real one.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('Replicate image engine with a variant', () => {
  it('sends the variant style in the prompt and its seed as an input', async () => {
    const calls: ReplicateCall[] = [];
    const png = Buffer.from(await geminiPng(1080, 1080), 'base64');
    server.use(
      ...replicateHandlers(calls, {
        create: [
          () => HttpResponse.json(prediction('p1', 'succeeded', { output: [OUTPUT_URL] }), { status: 201 }),
        ],
        output: { body: png, type: 'image/png' },
      }),
    );
    const engine = createReplicateImageEngine({
      client: new ReplicateClient({ token: 'r8_test_token', timeoutMs: 2_000 }),
      model: 'black-forest-labs/flux-schnell',
      poll: { initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 2_000 },
    });
    await engine.generateImage({
      topic: 'Soldes',
      ratio: '1:1',
      ...RATIO_SIZES['1:1'],
      brand,
      variant: { index: 2, style: 'minimal', seed: 424242 },
    });
    expect(calls[0]!.body.input).toMatchObject({ seed: 424242, aspect_ratio: '1:1' });
    expect(calls[0]!.body.input.prompt).toContain(VARIANT_PROMPT_MODIFIERS.minimal);
  });
});
