import { describe, expect, it } from 'vitest';
import { describeIntent, detectIntent, intentToRequest } from './index.js';

describe('describeIntent', () => {
  it('gives the confirmation line in French and English', () => {
    const carousel = detectIntent('Crée un carrousel de 5 slides sur les tendances marketing 2025');
    expect(describeIntent(carousel, 'fr')).toBe('Carrousel · 5 slides · 4:5 — Les tendances marketing 2025');
    expect(describeIntent(carousel, 'en')).toBe('Carousel · 5 slides · 4:5 — Les tendances marketing 2025');
    expect(describeIntent(detectIntent('Vidéo de 15 s sur le café'), 'fr')).toBe(
      'Vidéo · 15 s · 9:16 — Le café',
    );
    expect(describeIntent(detectIntent('3 images sur le café'), 'fr')).toBe('3 images · 1:1 — Le café');
    expect(describeIntent(detectIntent('Post LinkedIn sur le café'), 'en')).toBe(
      'Image · 1:1 · LinkedIn — Le café',
    );
  });

  it('asks for a topic and names the other kinds', () => {
    expect(describeIntent(detectIntent('Make a carousel'), 'en')).toBe(
      'Carousel · 5 slides · 4:5 — (topic needed)',
    );
    expect(describeIntent(detectIntent('Show my library'), 'en')).toBe('Open my library');
    expect(describeIntent(detectIntent('Bonjour'), 'fr')).toBe("Je n'ai pas compris");
  });
});

describe('intentToRequest', () => {
  it('builds the generate body for each format', () => {
    expect(
      intentToRequest(detectIntent('Carrousel Instagram 7 slides sur le SEO'), { brandId: 'b1' }),
    ).toEqual({
      format: 'carousel',
      topic: 'le SEO',
      brandId: 'b1',
      ratio: '4:5',
      count: 7,
    });
    expect(intentToRequest(detectIntent('A 30 second reel about coffee'), { brandId: 'b1' })).toEqual({
      format: 'video',
      topic: 'coffee',
      brandId: 'b1',
      ratio: '9:16',
      duration: 30,
    });
  });

  it('takes the topic the user gave later, and refuses what it cannot send', () => {
    const bare = detectIntent('Fais-moi un carrousel');
    expect(() => intentToRequest(bare, { brandId: 'b1' })).toThrow(/topic/);
    expect(intentToRequest(bare, { brandId: 'b1', topic: 'le vélo' })).toMatchObject({
      topic: 'le vélo',
      count: 5,
    });
    expect(() => intentToRequest(detectIntent('ok'), { brandId: 'b1' })).toThrow(/confirm/);
  });
});
