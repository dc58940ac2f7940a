import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLocalImageEngine } from '../../src/engines/local/image-engine.js';
import { buildImagePrompt } from '../../src/engines/prompt.js';
import type { BrandStyle, MediaBody } from '../../src/engines/types.js';
import { VARIANT_PROMPT_MODIFIERS, variantSeed } from '../../src/variants/styles.js';

const brand: BrandStyle = {
  name: 'Maison Lumière',
  palette: ['#0B3D91', '#F2A900', '#E8ECF7'],
  fonts: [],
  voice: null,
  niche: null,
  logoUrl: null,
};

async function sha(body: MediaBody): Promise<string> {
  const hash = createHash('sha256');
  if (body instanceof Uint8Array) hash.update(body);
  else for await (const chunk of body) hash.update(chunk);
  return hash.digest('hex');
}

describe('engine variants', () => {
  it('the local engine draws each variant differently, and the same variant identically', async () => {
    const engine = createLocalImageEngine();
    const draw = async (index?: number) =>
      sha(
        (
          await engine.generateImage({
            topic: 'Soldes d’hiver',
            ratio: '1:1',
            width: 320,
            height: 320,
            brand,
            variant: index === undefined ? undefined : { index, style: 'classic', seed: 1 },
          })
        ).body,
      );
    const [plain, v0, v1, v2, v3, v1again] = await Promise.all([
      draw(),
      draw(0),
      draw(1),
      draw(2),
      draw(3),
      draw(1),
    ]);
    // Variant 0 is the engine's usual look; the others differ from it and from each other.
    expect(v0).toBe(plain);
    expect(new Set([v0, v1, v2, v3]).size).toBe(4);
    expect(v1again).toBe(v1);
  });

  it('remote engines get the style modifier in the prompt and a stable, distinct seed per variant', () => {
    const prompt = buildImagePrompt({ topic: 'Soldes', ratio: '1:1', brand, variant: { style: 'bold' } });
    expect(prompt).toContain(VARIANT_PROMPT_MODIFIERS.bold);
    expect(buildImagePrompt({ topic: 'Soldes', ratio: '1:1', brand })).not.toContain('Style:');
    const order = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(variantSeed(order, 1)).toBe(variantSeed(order, 1));
    expect(new Set([0, 1, 2, 3].map((i) => variantSeed(order, i))).size).toBe(4);
    expect(variantSeed(order, 0)).toBeLessThan(2 ** 31);
  });
});
