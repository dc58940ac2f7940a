import type { CarouselPlanner, SlideText } from '../types.js';
import { ENGLISH, FRENCH, type PlannerPhrases } from './planner-phrases.js';

/** Longest subject put inside a title; a longer topic is cut at a word boundary. */
const MAX_SUBJECT = 48;

/**
 * The offline carousel planner: an intro on the topic, one angle per middle slide and a closing
 * call to action, written in the order's language (French or English) from the topic itself.
 * Which angles, and in which order, is drawn from the topic, so different topics read differently.
 * Deterministic, so the embedded default needs no AI key and a retry redraws the same slides.
 *
 * @example
 * const slides = await createLocalPlanner().planSlides({ topic, count: 5, locale: 'fr', brand });
 */
export function createLocalPlanner(): CarouselPlanner {
  return {
    name: 'local',
    async planSlides({ topic, count, locale, brand }): Promise<SlideText[]> {
      const phrases = locale.toLowerCase().startsWith('fr') ? FRENCH : ENGLISH;
      const subject = subjectOf(topic, phrases);
      const Subject = capitalize(subject);
      const quoted = phrases.quote(shorten(topic.trim().replace(/\s+/g, ' ')));
      const angles = pickAngles(phrases, topic, Math.max(0, count - 2));
      const slides: SlideText[] = [];
      for (let index = 0; index < count; index++) {
        if (index === 0)
          slides.push({ title: capitalize(topic.trim()), subtitle: phrases.intro(Subject, count) });
        else if (index === count - 1)
          slides.push({
            title: phrases.closing.title(Subject),
            subtitle: phrases.closing.subtitle(quoted, brand.name),
          });
        else {
          const angle = angles[index - 1]!;
          slides.push({ title: angle.title(Subject), subtitle: angle.subtitle(quoted) });
        }
      }
      return slides;
    },
  };
}

/** "Les tendances marketing 2025" -> "tendances marketing 2025": what the titles talk about. */
export function subjectOf(topic: string, phrases: PlannerPhrases): string {
  let subject = topic.trim().replace(/\s+/g, ' ');
  for (;;) {
    const lower = subject.toLowerCase();
    const article = phrases.articles.find(
      (a) => lower.startsWith(a) && (a.endsWith('’') || a.endsWith("'") || lower[a.length] === ' '),
    );
    if (!article || subject.length <= article.length + 1) break;
    subject = subject.slice(article.length).trimStart();
  }
  subject = shorten(subject);
  // A proper noun or acronym keeps its capitals; a common noun reads lower-case mid-sentence.
  const first = subject.split(' ')[0] ?? '';
  const keepCase = first.length > 1 && first.slice(1) !== first.slice(1).toLowerCase();
  return keepCase ? subject : subject.charAt(0).toLowerCase() + subject.slice(1);
}

/** Cut at a word boundary past MAX_SUBJECT characters, with an ellipsis. */
function shorten(text: string): string {
  if (text.length <= MAX_SUBJECT) return text;
  const cut = text.slice(0, MAX_SUBJECT);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : MAX_SUBJECT)}…`;
}

/** `n` distinct angles (repeating only past the ten there are), ordered by a hash of the topic. */
function pickAngles(phrases: PlannerPhrases, topic: string, n: number): PlannerPhrases['angles'] {
  const all = phrases.angles;
  const start = hash(topic.trim().toLowerCase()) % all.length;
  // A step coprime with the count (10) visits every angle before repeating.
  const step = [1, 3, 7, 9][hash(`${topic}#`) % 4]!;
  return Array.from({ length: n }, (_, i) => all[(start + i * step) % all.length]!);
}

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
