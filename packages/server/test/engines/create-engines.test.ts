import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-error.js';
import { createEngines, isParkableImageEngine, isParkableVideoEngine } from '../../src/engines/index.js';

describe('createEngines', () => {
  it('defaults to the local engines and planner', () => {
    const engines = createEngines({});
    expect([engines.image.name, engines.video.name, engines.planner.name]).toEqual([
      'local',
      'local',
      'local',
    ]);
  });

  it('switches engines by configuration only', () => {
    const engines = createEngines({
      ENGINE_IMAGES: 'gemini',
      GEMINI_API_KEY: 'k',
      GEMINI_IMAGE_MODEL: 'gemini-3-pro-image-preview',
      ENGINE_VIDEO: 'replicate:kwaivgi/kling-v2.1',
      REPLICATE_API_TOKEN: 'r8_x',
    });
    expect(engines.image.name).toBe('gemini:gemini-3-pro-image-preview');
    expect(engines.planner.name).toBe('gemini:gemini-2.5-flash');
    expect(engines.video.name).toBe('replicate:kwaivgi/kling-v2.1');
    expect(isParkableVideoEngine(engines.video)).toBe(true);
    expect(createEngines({ ENGINE_VIDEO: 'veo', GOOGLE_CLOUD_API_KEY: 'v' }).video.name).toBe(
      'veo:veo-3.0-fast-generate-001',
    );
    expect(
      createEngines({ ENGINE_IMAGES: 'replicate:black-forest-labs/flux-schnell', REPLICATE_API_TOKEN: 't' })
        .image.name,
    ).toBe('replicate:black-forest-labs/flux-schnell');
    expect(createEngines({ GEMINI_API_KEY: 'k', ENGINE_PLANNER: 'local' }).planner.name).toBe('local');
  });

  it('parks Replicate images only with a webhook secret (or URL): without one the worker waits for them', () => {
    const replicate = { ENGINE_IMAGES: 'replicate:black-forest-labs/flux-schnell', REPLICATE_API_TOKEN: 't' };
    expect(isParkableImageEngine(createEngines(replicate).image)).toBe(false);
    expect(
      isParkableImageEngine(createEngines({ ...replicate, REPLICATE_WEBHOOK_SECRET: 'whsec_x' }).image),
    ).toBe(true);
    expect(
      isParkableImageEngine(
        createEngines({ ...replicate, REPLICATE_WEBHOOK_URL: 'https://alfie.example/v1/webhooks/replicate' })
          .image,
      ),
    ).toBe(true);
    expect(isParkableImageEngine(createEngines({}).image)).toBe(false);
  });

  it.each([
    [{ ENGINE_IMAGES: 'gemini' }, /^GEMINI_API_KEY is required when ENGINE_IMAGES=gemini$/],
    [{ ENGINE_VIDEO: 'replicate:a/b' }, /^REPLICATE_API_TOKEN is required when ENGINE_VIDEO=replicate/],
    [
      { ENGINE_VIDEO: 'replicate', REPLICATE_API_TOKEN: 't' },
      /^ENGINE_VIDEO=replicate:<owner\/model> needs a model/,
    ],
    [{ ENGINE_VIDEO: 'veo' }, /^GOOGLE_CLOUD_API_KEY .* is required when ENGINE_VIDEO=veo$/],
    [{ ENGINE_IMAGES: 'dalle' }, /^ENGINE_IMAGES must be local, gemini or replicate/],
    [{ LOCAL_ENGINE_LATENCY_MS: 'slow' }, /^LOCAL_ENGINE_LATENCY_MS must be a non-negative integer/],
  ])('refuses %o with one clear line', (env, message) => {
    let error: unknown;
    try {
      createEngines(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
