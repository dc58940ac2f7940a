// "3 variantes", "2 versions", "with 3 variants", "A/B": A/B variants asked for in a request or a
// correction. Read here, in the conversation, and cut out of the text before the intent rules see it,
// so SPEC.md's one-message contract (and its scores) stay exactly as they are.
import { VARIANT_LIMITS } from '../contract/reuse-variants.js';

const NUMBER: Record<string, number> = {
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
};

/** "en 3 variantes", "3 variants of", "2 versions de la couverture", "avec deux déclinaisons". */
const COUNTED =
  /(?:(?:^|\s)(?:en|avec|with|in|as|et|and)\s+|^|\s|,)(\d+|deux|trois|quatre|cinq|two|three|four|five)\s+(?:variantes?|variants?|versions?|variations?|d[ée]clinaisons?)(?:\s+(?:de|du|of|for)\s+(?:la\s+|the\s+|sa\s+|its\s+)?(?:couverture|cover))?(?:\s+(?:d['’]\s*|de\s+|of\s+))?/iu;
/** "A/B", "test A/B", "an A/B test", "en A/B": two variants. */
const AB =
  /(?:(?:^|\s)(?:en|avec|with|in|as|pour|for|un|une|an?)\s+)?(?:test\s+)?\bA\s?\/\s?B\b(?:\s+test(?:ing)?)?\s*:?/iu;

/** "sans variantes", "une seule version", "no variants", "without A/B": drops them. */
const NONE =
  /(?:^|\s)(?:sans\s+(?:les\s+)?(?:variantes?|versions?|a\s?\/\s?b)|une\s+seule\s+version|(?:no|without)\s+(?:the\s+)?(?:variants?|versions?|a\s?\/\s?b(?:\s+test)?)|just\s+one\s+version)(?=\s|$|[,.!?])/iu;

export interface ReadVariants {
  /** 2–4, clamped; null when the text drops them; undefined when it says nothing of them. */
  variants?: number | null;
  /** The text without the variants phrase. */
  rest: string;
}

/**
 * @example readVariants('Une image sur le café en 3 variantes') // { variants: 3, rest: 'Une image sur le café' }
 */
export function readVariants(text: string): ReadVariants {
  const none = text.match(NONE);
  if (none?.index !== undefined) return { variants: null, rest: cut(text, none.index, none[0].length) };
  const counted = text.match(COUNTED);
  const word = counted?.[1]?.toLowerCase();
  const asked = word === undefined ? undefined : (NUMBER[word] ?? Number(word));
  // "1 version" asks for no A/B test.
  if (counted?.index !== undefined && asked !== undefined && asked >= VARIANT_LIMITS.min) {
    const variants = Math.min(asked, VARIANT_LIMITS.max);
    return { variants, rest: cut(text, counted.index, counted[0].length) };
  }
  const ab = text.match(AB);
  if (ab?.index !== undefined)
    return { variants: VARIANT_LIMITS.min, rest: cut(text, ab.index, ab[0].length) };
  return { rest: text };
}

const cut = (text: string, at: number, length: number) =>
  `${text.slice(0, at)} ${text.slice(at + length)}`
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/^[\s,:;]+|[\s,:;]+$/g, '');
