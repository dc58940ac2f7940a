import { LIMITS } from '../contract/constants.js';
import {
  ARTICLES,
  EDGE_WORDS,
  MAKE_VERBS,
  OPENERS,
  POLITE_WORDS,
  TOPIC_LABELS,
  WANT_VERBS,
} from './lexicon.js';
import type { Token } from './normalize.js';

/**
 * Glue at a topic edge: prepositions, fillers, the command verbs ("crée", "make", "I want") and the
 * words that wrap them ("Would you kindly make a banner…": nothing before "banner" is topic).
 */
const isGlue = (w: string): boolean =>
  EDGE_WORDS.has(w) || MAKE_VERBS.has(w) || WANT_VERBS.has(w) || POLITE_WORDS.has(w);

/**
 * What the visual is about: the runs of words no other rule used (format, count, ratio, platform,
 * duration, negated formats), each trimmed of glue at its edges (command verbs, "sur", "à propos de",
 * "about", "on", fillers) and joined. Slices come from the original text, so the user's spelling,
 * case and accents survive. Null when nothing is left ("Fais-moi un carrousel").
 *
 * @example extractTopic(text, tokens, used) // 'les tendances marketing 2025'
 */
export function extractTopic(text: string, tokens: Token[], used: boolean[]): string | null {
  const runs: string[] = [];
  let lastEnd = -9;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    let end = i;
    while (end + 1 < tokens.length && !used[end + 1]) end++;
    let a = i;
    let b = end;
    // "Any chance you could whip up a banner…", "Tu me ferais une image…": a first run that opens like a
    // request, in one clause, and names nothing (no article or possessive) before the format word only
    // asks ("I love dogs, make a poster" keeps its dogs).
    if (
      lastEnd < 0 &&
      end + 1 < tokens.length &&
      OPENERS.has(tokens[i]!.w) &&
      !tokens.slice(i, end).some((t) => ARTICLES.has(t.w)) &&
      !/[,.;:!?]/.test(text.slice(tokens[i]!.s, tokens[end]!.e))
    )
      a = end + 1;
    // Articles stop the trim at the start ("les tendances"), and are trimmed at the end ("pour ma").
    // A word glued to the next one ("A5", "Q3") is not glue.
    const leads = (k: number): boolean =>
      tokens[k]!.e !== tokens[k + 1]?.s && (isGlue(tokens[k]!.w) || TOPIC_LABELS.has(tokens[k]!.w));
    // "Le sujet : la cybersécurité" loses its label, article included. A run cut from the previous
    // one by a single removed word keeps its preposition: "ma vidéo [YouTube] sur le bricolage".
    while (
      i - lastEnd !== 2 &&
      a <= b &&
      (leads(a) || (a < b && ARTICLES.has(tokens[a]!.w) && TOPIC_LABELS.has(tokens[a + 1]!.w)))
    )
      a++;
    // Folding makes "thé" read "the": a word written with accents is never an article.
    const article = (k: number) =>
      ARTICLES.has(tokens[k]!.w) && text.slice(tokens[k]!.s, tokens[k]!.e).toLowerCase() === tokens[k]!.w;
    // "savoir-faire" keeps its "faire": a word hyphened to a kept word is not glue ("fais-moi" is).
    const compound = (k: number) =>
      k > a &&
      text[tokens[k]!.s - 1] === '-' &&
      tokens[k - 1]!.e === tokens[k]!.s - 1 &&
      !isGlue(tokens[k - 1]!.w);
    while (b >= a && !compound(b) && (isGlue(tokens[b]!.w) || article(b))) b--;
    if (a <= b) {
      runs.push(text.slice(tokens[a]!.s, tokens[b]!.e));
      lastEnd = b;
    }
    i = end;
  }
  return runs.join(' ').slice(0, LIMITS.topicLength.max) || null;
}
