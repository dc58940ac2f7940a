import { describe, expect, it } from 'vitest';
import { createLocalPlanner } from '../../src/engines/local/planner.js';
import { brand } from './fixtures.js';

describe('local carousel planner', () => {
  const planner = createLocalPlanner();

  it('plans an intro, numbered points and a call to action in French', async () => {
    const slides = await planner.planSlides({ topic: 'Les tendances 2025', count: 5, locale: 'fr', brand });
    expect(slides).toHaveLength(5);
    expect(slides[0]).toEqual({ title: 'Les tendances 2025', subtitle: "L'essentiel en 5 slides" });
    expect(slides.slice(1, 4).map((s) => s.title)).toEqual([
      'Point clé n°1',
      'Point clé n°2',
      'Point clé n°3',
    ]);
    expect(slides[4]!.title).toBe('À vous de jouer');
    expect(slides[4]!.subtitle).toContain('Café Lumière');
  });

  it('speaks English for other locales, and plans exactly N slides', async () => {
    for (const count of [2, 3, 10]) {
      const slides = await planner.planSlides({ topic: 'Growth', count, locale: 'en-US', brand });
      expect(slides).toHaveLength(count);
      expect(slides.at(-1)!.title).toBe('Your turn');
    }
  });

  it('is deterministic', async () => {
    const request = { topic: 'Yoga', count: 4, locale: 'fr', brand };
    expect(await planner.planSlides(request)).toEqual(await planner.planSlides(request));
  });
});
