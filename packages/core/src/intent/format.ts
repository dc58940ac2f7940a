import type { Format } from '../contract/constants.js';
import { ARTICLES, EDGE_WORDS, FORMAT_WORDS, NEGATORS, STORY, WANT_VERBS } from './lexicon.js';
import { lookup, type Token } from './normalize.js';

export interface FormatMatch {
  format: Format;
  /** Token index of the word that named the format. */
  at: number;
}

/** Format named by token `i`, if any. */
export const formatAt = (tokens: Token[], i: number): Format | undefined => {
  const t = tokens[i];
  return t && lookup(FORMAT_WORDS, t.w);
};

/**
 * Index of the negator governing token `i` ("pas de vidéo", "not a carousel", "plutôt qu'une image"),
 * or -1.
 */
export function negatorBefore(tokens: Token[], i: number): number {
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const w = tokens[k]!.w;
    const next = tokens[k + 1]!;
    // "no, an image": a "no" closed by punctuation answers the last turn, it negates nothing after it.
    if (NEGATORS.has(w) && next.s - tokens[k]!.e < 2) return k;
    if (w === 'plutot' && next.w.startsWith('qu')) return k;
    // Glue may sit in between ("don't want a video"), a verb may not ("no, make a video").
    if (!EDGE_WORDS.has(w) && !ARTICLES.has(w) && !WANT_VERBS.has(w)) break;
  }
  return -1;
}

/**
 * The first format word that is not negated names what to make; a lone "story" is a (9:16) image.
 * Marks the negated phrases and the format words glued to the chosen one ("carrousel vidéo",
 * "vidéo story") as used, so they stay out of the topic.
 *
 * @example findFormat(tokenize('Miniature YouTube pour ma vidéo'), used) // { format: 'image', at: 0 }
 */
export function findFormat(tokens: Token[], used: boolean[]): FormatMatch | undefined {
  let found: FormatMatch | undefined;
  let story = -1;
  tokens.forEach((t, i) => {
    const format = formatAt(tokens, i);
    if (!format) {
      if (story < 0 && STORY.has(t.w)) story = i;
      return;
    }
    const neg = negatorBefore(tokens, i);
    if (neg >= 0) used.fill(true, neg, i + 1);
    else if (!found) found = { format, at: i };
  });
  if (!found) return story >= 0 ? { format: 'image', at: story } : undefined;
  const at = found.at;
  used[at] = true;
  for (const k of [at - 1, at + 1]) if (formatAt(tokens, k)) used[k] = true;
  return found;
}

/**
 * Drops a repeat of the ordered format that sits next to another removed word ("Six slide LinkedIn
 * [carousel]"), while "Image d'une photo de famille" keeps its photo. Run once the rest is marked.
 */
export function markRepeats(tokens: Token[], used: boolean[], format: Format): void {
  tokens.forEach((_, i) => {
    if (!used[i] && formatAt(tokens, i) === format && (used[i - 1] || used[i + 1])) used[i] = true;
  });
}
