import { describe, expect, it } from 'vitest';
import { createLocalPlanner, subjectOf } from '../../src/engines/local/planner.js';
import { ENGLISH, FRENCH } from '../../src/engines/local/planner-phrases.js';
import { brand } from './fixtures.js';

const planner = createLocalPlanner();

/** Words that only an English sentence would carry: none may appear on a French slide. */
const ENGLISH_WORDS = /\b(the|and|you|your|key|point|tip|today|with|for|more|what|how)\b/i;

describe('local carousel planner', () => {
  it('writes a French carousel from the topic: intro, distinct angles, call to action', async () => {
    const slides = await planner.planSlides({
      topic: 'Les tendances marketing 2025',
      count: 5,
      locale: 'fr',
      brand,
    });
    expect(slides).toHaveLength(5);
    expect(slides[0]).toEqual({
      title: 'Les tendances marketing 2025',
      subtitle: 'Tendances marketing 2025 : l’essentiel en 5 slides',
    });
    expect(slides[4]!.title).toBe('À vous de jouer');
    expect(slides[4]!.subtitle).toBe(
      'Enregistrez ce carrousel sur « Les tendances marketing 2025 » et suivez Café Lumière pour la suite.',
    );
    const middle = slides.slice(1, 4);
    expect(new Set(middle.map((s) => s.title)).size).toBe(3);
    expect(new Set(middle.map((s) => s.subtitle)).size).toBe(3);
    // Each middle slide names the topic in its title or its subtitle.
    for (const slide of middle)
      expect(`${slide.title} ${slide.subtitle}`).toMatch(/tendances marketing 2025/i);
    for (const slide of slides) expect(`${slide.title} ${slide.subtitle}`).not.toMatch(ENGLISH_WORDS);
  });

  it('writes English for en locales, with no French, and plans exactly N slides', async () => {
    for (const count of [2, 3, 10]) {
      const slides = await planner.planSlides({ topic: 'Growth hacking', count, locale: 'en-US', brand });
      expect(slides).toHaveLength(count);
      expect(slides[0]!.subtitle).toBe(`Growth hacking: the essentials in ${count} slides`);
      expect(slides.at(-1)!.title).toBe('Your turn');
      for (const slide of slides)
        expect(`${slide.title} ${slide.subtitle}`).not.toMatch(/\b(vous|les|des|pour|avec)\b/i);
    }
  });

  it('uses all ten angles before repeating one on a 10-slide carousel', async () => {
    const slides = await planner.planSlides({ topic: 'Le yoga au bureau', count: 10, locale: 'fr', brand });
    expect(new Set(slides.slice(1, 9).map((s) => s.subtitle)).size).toBe(8);
  });

  it('gives two topics different middle slides, and is deterministic for one topic', async () => {
    const a = await planner.planSlides({ topic: 'Le café de spécialité', count: 5, locale: 'fr', brand });
    const b = await planner.planSlides({ topic: 'Recruter un freelance', count: 5, locale: 'fr', brand });
    const titles = (slides: typeof a) => slides.slice(1, 4).map((s) => s.title.replace(/^.*? : /, ''));
    expect(titles(a)).not.toEqual(titles(b));
    expect(
      await planner.planSlides({ topic: 'Le café de spécialité', count: 5, locale: 'fr', brand }),
    ).toEqual(a);
  });

  it('takes the subject out of the topic: articles dropped, acronyms kept, long topics cut at a word', () => {
    expect(subjectOf("L'art du pitch", FRENCH)).toBe('art du pitch');
    expect(subjectOf('Les SEO tips', FRENCH)).toBe('SEO tips');
    expect(subjectOf('The future of remote work', ENGLISH)).toBe('future of remote work');
    const long = subjectOf(
      'Comment construire une stratégie de contenu durable pour une petite entreprise locale',
      FRENCH,
    );
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(49);
    expect(long).not.toMatch(/ …$/);
  });
});
