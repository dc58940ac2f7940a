// Corrections of an open proposal ("plutôt 3 slides", "en carré", "20 secondes", "change le sujet :
// X") and the changes a variant asks for ("une variante en 9:16", "pareil mais sur Y"). They reuse
// the intent rules for each field, so "mets-en sept" reads the same number words as a request.
import type { Format } from '../contract/constants.js';
import { findFormat } from '../intent/format.js';
import { toLine } from '../intent/kinds.js';
import { ARTICLES, EDGE_WORDS, STORY } from '../intent/lexicon.js';
import { tokenize, wordSet } from '../intent/normalize.js';
import { readNumber } from '../intent/numbers.js';
import { findPlatform } from '../intent/platform.js';
import { findQuantities } from '../intent/quantities.js';
import { defaultRatio, findRatio } from '../intent/ratio.js';
import type { DraftEdit } from './draft.js';

/**
 * A new topic and what introduces it: "sur le thème X", "change le sujet : X", "le sujet est X",
 * "pareil mais sur Y", "about Y instead", "change the topic to X". The topic is what follows.
 */
const TOPIC_CHANGE = /* @__PURE__ */ new RegExp(
  [
    String.raw`(?:change[rz]?|modifie[rz]?|remplace[rz]?|mets?|passe[rz]?)\s+(?:le\s+|de\s+)?(?:sujet|th[eè]me)(?:\s+(?:par|en|pour|à|a))?`,
    String.raw`(?:(?:nouveau|le|un\s+autre)\s+)?(?:sujet|th[eè]me)\s*(?::|=|\s+est|\s+sera|\s+plutôt|\s+c['’]\s*est)`,
    String.raw`sur\s+le\s+th[eè]me(?:\s+(?:de\s+la|de\s+l'|de|du|des|d'))?`,
    String.raw`(?:change|switch|set|make)\s+(?:the\s+|it\s+)?(?:topic|subject|theme)\s+(?:to|into|:)`,
    String.raw`(?:the\s+|new\s+)?(?:topic|subject|theme)\s*(?::|=|\s+is|\s+should\s+be)`,
    String.raw`(?:make\s+it\s+)?(?:about|on\s+the\s+(?:topic|subject|theme)\s+of)`,
    String.raw`(?:mais\s+|plutôt\s+|plutot\s+)?(?:sur|à\s+propos\s+d[eu']|a\s+propos\s+d[eu']|autour\s+d[eu'])`,
    String.raw`parle[rz]?\s+(?:plutôt\s+|plutot\s+)?(?:de\s+la|de\s+l'|de|du|des|d')`,
  ].join('|'),
  'iu',
);
const TOPIC_PREFIX = /* @__PURE__ */ new RegExp(
  String.raw`(?:^|[\s,;:(])(?:${TOPIC_CHANGE.source})\s*:?\s*`,
  'iu',
);
const TOPIC_TAIL =
  /[\s,;.!]*(?:plutôt|plutot|à la place|a la place|instead|please|svp|stp|merci|thanks)?[\s.!]*$/iu;

/**
 * Words a correction may hold besides its values: "plutôt", "mets-en", "make it", "please". The topic's
 * edge words and articles (lexicon.ts) count too, so each word is listed once.
 */
const FILLER = /* @__PURE__ */ wordSet(
  'turn transforme transformer transformez convertis convert switch into them those ones exemplaires lets faisons want veux voudrais voudrait aimerais prefere prefer would pourriez vous thanks as mets met mettre mettez fais faire faites make it its change changer changez passe passer passez version variante variant variation declinaison seulement finalement actually enfin alors so then no pareil same meme memes chose thing encore again refais refaire redo one more autre another similar similaire identique lui leur nous us we let s go fait done long longue length duree durer dure last shorter longer plus moins less fewer mode style type nombre number count nombres soit be should is sera will that cette cet lieu place',
);
const isFiller = (w: string): boolean => FILLER.has(w) || EDGE_WORDS.has(w) || ARTICLES.has(w);

export interface ReadEdit {
  edit: DraftEdit;
  /** Words the edit did not explain: when some are left, the message is not a plain correction. */
  leftover: string[];
}

/**
 * Reads the fields a message names, for a draft whose format is `current`. A bare number ("mets-en
 * 7", "make it 3") is a count, or seconds for a video.
 *
 * @example readEdit('plutôt 3 slides', 'carousel') // { edit: { count: 3 }, leftover: [] }
 */
export function readEdit(text: string, current: Format): ReadEdit {
  const edit: DraftEdit = {};
  let rest = text.normalize('NFC');
  const topicAt = rest.match(TOPIC_PREFIX);
  if (topicAt?.index !== undefined) {
    const topic = rest
      .slice(topicAt.index + topicAt[0].length)
      .replace(TOPIC_TAIL, '')
      .trim();
    if (topic) {
      edit.topic = topic;
      rest = rest.slice(0, topicAt.index);
    }
  }
  const tokens = tokenize(rest);
  const used = tokens.map(() => false);
  const found = findFormat(tokens, used);
  // A lone "story" names a 9:16 ratio here ("format story"), not an image instead of the carousel.
  if (found && !STORY.has(tokens[found.at]!.w)) edit.format = found.format;
  const ratio = findRatio(rest, tokens, used);
  if (ratio) edit.ratio = ratio;
  const format = edit.format ?? current;
  // "pour Instagram", "for TikTok": the network's ratio for this format.
  const platform = findPlatform(rest, tokens, used);
  if (platform) {
    edit.platform = platform;
    edit.ratio ??= defaultRatio(format, platform);
  }
  const asked = findQuantities(rest, tokens, used, format);
  if (asked.count !== undefined) edit.count = asked.count;
  if (asked.duration !== undefined) edit.duration = asked.duration;
  // "30 secondes" on an image or a carousel: only a video has a length.
  if (edit.duration !== undefined && format !== 'video' && !edit.format) edit.format = 'video';
  if (asked.count === undefined && asked.duration === undefined) {
    for (let i = 0; i < tokens.length; i++) {
      const number = used[i] ? undefined : readNumber(tokens, i);
      // "une" is an article far more often than a count: only digits or other number words count.
      if (!number || tokens[i]?.w === 'une' || tokens[i]?.w === 'un' || tokens[i]?.w === 'a') continue;
      if (format === 'video') edit.duration = number.value;
      else edit.count = number.value;
      used.fill(true, i, number.end);
      break;
    }
  }
  const leftover = tokens.filter((t, i) => !used[i] && !isFiller(t.w)).map((t) => t.w);
  return { edit, leftover };
}

export const isEmptyEdit = (edit: DraftEdit): boolean => Object.keys(edit).length === 0;

/** A swap: "focus on blues instead", "des chiens plutôt", "mets des chats à la place". */
const SWAP = / (instead|plutot|a la place) /;
/** Verbs that only bring in the new subject of a swap ("focus on", "go with", "utilise"). */
const SWAP_VERBS = /* @__PURE__ */ wordSet(
  'focus go use try do pick choose center centre utilise essaie prends choisis opte concentre montre show',
);

/**
 * The new topic of a swap that names no other field: "focus on blues instead" -> "blues", "non, plutôt
 * des chiens" -> "des chiens". Undefined when the message is no swap or leaves no words.
 */
export function readSwap(text: string, current: Format): string | undefined {
  const tokens = tokenize(text);
  const { edit, leftover } = readEdit(text, current);
  if (!SWAP.test(toLine(tokens.map((t) => t.w))) || !isEmptyEdit(edit) || leftover.length === 0)
    return undefined;
  let a = 0;
  let b = tokens.length - 1;
  while (a <= b && ((isFiller(tokens[a]!.w) && !ARTICLES.has(tokens[a]!.w)) || SWAP_VERBS.has(tokens[a]!.w)))
    a++;
  while (b >= a && isFiller(tokens[b]!.w)) b--;
  return a <= b ? text.slice(tokens[a]!.s, tokens[b]!.e) : undefined;
}
