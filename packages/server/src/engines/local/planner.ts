import type { CarouselPlanner, SlideText } from '../types.js';

interface Phrases {
  introSubtitle: (count: number) => string;
  point: (n: number) => string;
  pointSubtitle: string;
  conclusion: string;
  conclusionSubtitle: (brand: string) => string;
}

const PHRASES: Record<'fr' | 'en', Phrases> = {
  fr: {
    introSubtitle: (count) => `L'essentiel en ${count} slides`,
    point: (n) => `Point clé n°${n}`,
    pointSubtitle: 'Un conseil concret à appliquer dès aujourd’hui.',
    conclusion: 'À vous de jouer',
    conclusionSubtitle: (brand) => `Enregistrez ce carrousel et suivez ${brand} pour la suite.`,
  },
  en: {
    introSubtitle: (count) => `The essentials in ${count} slides`,
    point: (n) => `Key point #${n}`,
    pointSubtitle: 'One practical tip you can apply today.',
    conclusion: 'Your turn',
    conclusionSubtitle: (brand) => `Save this carousel and follow ${brand} for more.`,
  },
};

/**
 * The offline carousel planner: an intro, numbered points and a closing call to action, in French
 * or English by locale. Deterministic, so the embedded default needs no AI key.
 *
 * @example
 * const slides = await createLocalPlanner().planSlides({ topic, count: 5, locale: 'fr', brand });
 */
export function createLocalPlanner(): CarouselPlanner {
  return {
    name: 'local',
    async planSlides({ topic, count, locale, brand }): Promise<SlideText[]> {
      const phrases = PHRASES[locale.toLowerCase().startsWith('fr') ? 'fr' : 'en'];
      const slides: SlideText[] = [];
      for (let index = 0; index < count; index++) {
        if (index === 0) slides.push({ title: topic, subtitle: phrases.introSubtitle(count) });
        else if (index === count - 1 && count > 1)
          slides.push({ title: phrases.conclusion, subtitle: phrases.conclusionSubtitle(brand.name) });
        else slides.push({ title: phrases.point(index), subtitle: phrases.pointSubtitle });
      }
      return slides;
    },
  };
}
