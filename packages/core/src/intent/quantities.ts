// Counts and durations: a number only counts when it is attached to a unit ("3 visuels", "six slide
// carousel", "15 secondes"); any other number ("5 erreurs à éviter") stays in the topic.
import type { Format } from '../contract/constants.js';
import {
  COUNT_UNITS,
  DURATION_UNITS,
  EDGE_WORDS,
  FORMAT_WORDS,
  PLATFORM_WORDS,
  RATIO_WORDS,
} from './lexicon.js';
import { hasWord, lookup, type Token } from './normalize.js';
import { readNumber } from './numbers.js';

export interface Quantities {
  /** Number attached to an image or slide unit ("3 visuels", "7 slides"). */
  count?: number;
  /** Seconds, from "15 s", "30 seconds", "2 minutes", "une minute". */
  duration?: number;
}

/** Words allowed between a number and its unit: "4 square images", "Quatre posts Instagram" has none. */
const isGap = (t: Token, used: boolean): boolean =>
  used || EDGE_WORDS.has(t.w) || !!lookup(PLATFORM_WORDS, t.w) || !!lookup(RATIO_WORDS, t.w);

/**
 * Finds the first count and the first duration, and marks their tokens as used. `primary` is the
 * format being ordered.
 *
 * @example findQuantities('vidéo de 30 secondes', tokenize('vidéo de 30 secondes'), used) // { duration: 30 }
 */
export function findQuantities(text: string, tokens: Token[], used: boolean[], primary?: Format): Quantities {
  const found: Quantities = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A digit run glued after letters ("A5", "Q3", "mp4") is part of a word, not a number.
    if (used[i] || tokens[i - 1]?.e === t.s) continue;
    const number = readNumber(tokens, i);
    if (!number) continue;
    const { value, end } = number;
    const next = tokens[end];
    const perUnit = next && lookup(DURATION_UNITS, next.w);
    // "15 s" is a duration; "it's" and the elided "s'" of "un s'il te plaît" are not: no apostrophe
    // before or after the unit.
    if (perUnit && !/['’]/.test(text.slice(tokens[end - 1]!.e, next.s) + text.charAt(next.e))) {
      let seconds = value * Number(perUnit);
      let last = end;
      // "une minute trente", "2 min 30 s": the seconds after the minutes ("1 min 5 tips" keeps its tips).
      const more = perUnit === '60' && readNumber(tokens, end + 1);
      const inSeconds = more && lookup(DURATION_UNITS, tokens[more.end]?.w ?? '') === '1';
      if (more && more.value < 60 && (inSeconds || more.value > 9)) {
        seconds += more.value;
        last = more.end - (inSeconds ? 0 : 1);
      }
      found.duration ??= seconds;
      used.fill(true, i, last + 1);
      i = last;
      continue;
    }
    // The unit follows, maybe after up to two gap words: "4 square images", "2 Instagram stories".
    for (let u = end; u < end + 3 && tokens[u]; u++) {
      const unit = tokens[u]!;
      const format = lookup(FORMAT_WORDS, unit.w);
      const counts = format === 'image' || hasWord(COUNT_UNITS, unit.w);
      // "2 vidéos", "3 carrousels" of a video or carousel order are consumed but never a count (an order
      // is one video or one carousel); "une vidéo" after "Miniature pour" stays in the topic.
      if (counts || (format && format === primary)) {
        if (counts) found.count ??= value;
        used.fill(true, i, end);
        used[u] = true;
        i = end - 1;
        break;
      }
      if (!isGap(unit, !!used[u])) break;
    }
  }
  return found;
}
