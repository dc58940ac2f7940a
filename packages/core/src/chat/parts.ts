// "3 images et une vidéo sur le surf": one proposal per part, confirmed together.
import { detectIntent } from '../intent/detect.js';
import { formatAt, negatorBefore } from '../intent/format.js';
import { COUNT_UNITS, PLATFORM_WORDS, RATIO_WORDS } from '../intent/lexicon.js';
import { hasWord, lookup, tokenize } from '../intent/normalize.js';
import { readNumber } from '../intent/numbers.js';
import type { GenerateIntent, Language } from '../intent/types.js';

const JOIN = /^(et|and|plus|puis|then|ainsi|avec|with)$/;
const LEAD =
  /^(une?|des|a|an|de|d|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|one|two|three|four|five|six|seven|eight|nine|ten|\d+|petite?s?|short|quick|courte?s?)$/;

/**
 * Splits a message that asks for several formats joined by "et" / "and" / "plus" / "," into one
 * generate intent per part; the topic named once ("… sur le surf") goes to every part. Undefined
 * when the message asks for one thing ("carrousel vidéo" is one carousel, "Miniature YouTube pour ma
 * vidéo" one image).
 */
export function readParts(message: string, locale?: Language): GenerateIntent[] | undefined {
  // "ainsi qu'une vidéo", "as well as a video": joins of several words, read as "et" / "and".
  const text = message.replace(/\b(ainsi qu['’e]?|as well as|along with)\s*/giu, 'and ');
  const tokens = tokenize(text);
  const cuts: number[] = [];
  let previous: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const format = formatAt(tokens, i);
    if (!format || negatorBefore(tokens, i) >= 0) continue;
    // "a carousel with 5 slides", "carousel about X, 6 slides": slides count the carousel's pages.
    const unit = previous === 'carousel' && hasWord(COUNT_UNITS, tokens[i]!.w);
    const first = !previous;
    previous = format;
    if (first || unit) continue;
    // Walk back over "3", "une", "petite", "TikTok", "verticale" to the joining word (or a comma).
    let k = i - 1;
    const leads = (w: string) => LEAD.test(w) || PLATFORM_WORDS.has(w) || !!lookup(RATIO_WORDS, w);
    while (k >= 0 && leads(tokens[k]!.w) && !JOIN.test(tokens[k]!.w)) k--;
    const joined = k >= 0 && JOIN.test(tokens[k]!.w);
    const comma = k >= 0 && /[,;+&]/.test(text.slice(tokens[k]!.e, tokens[k + 1]!.s));
    if (joined) cuts.push(tokens[k]!.s);
    else if (comma) cuts.push(tokens[k + 1]!.s);
  }
  if (cuts.length === 0) return undefined;
  const pieces: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(from, cut));
    from = cut;
  }
  pieces.push(text.slice(from));
  const parts = pieces
    .map((piece) => piece.replace(/^[\s,;+&]*(et|and|plus|puis|then|ainsi que|avec|with)?\s+/iu, ''))
    .map((piece) => detectIntent(piece, { locale }))
    .filter((intent): intent is GenerateIntent => intent.kind === 'generate');
  if (parts.length < 2) return undefined;
  // "2 images et une vidéo sur le surf": "sur le surf" closes the message but is every part's topic.
  const shared = [...parts].reverse().find((part) => part.topic)?.topic ?? null;
  return parts.map((part) => ({
    ...part,
    topic: part.topic && !isBareCount(part.topic) ? part.topic : shared,
    warnings: part.warnings.filter((w) => w !== 'topic_missing' || !shared),
  }));
}

/** A topic that is only a number word left over from a split ("deux"). */
const isBareCount = (topic: string) => {
  const words = tokenize(topic);
  return words.length === 1 && readNumber(words, 0) !== undefined;
};
