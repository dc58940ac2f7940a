import { clampToLimit, LIMITS } from '../contract/constants.js';
import { findFormat, markRepeats } from './format.js';
import { asksForPerson, CLOSING, earlyKind, GREETING, lateKind, PLEASE, toLine } from './kinds.js';
import { MAKE_VERBS, WANT_VERBS } from './lexicon.js';
import { tokenize } from './normalize.js';
import { findPlatform } from './platform.js';
import { findQuantities } from './quantities.js';
import { defaultRatio, findRatio } from './ratio.js';
import { extractTopic } from './topic.js';
import type { DetectOptions, GenerateIntent, Intent, IntentWarning } from './types.js';

/** Inclusive range, as in LIMITS. */
interface Bounds {
  min: number;
  max: number;
}

/**
 * Turns one chat message into one structured intent, offline (../shared/intents/SPEC.md).
 *
 * @example
 * detectIntent('Crée un carrousel de 5 slides sur les tendances marketing 2025', { locale: 'fr' });
 * // { kind: 'generate', format: 'carousel', count: 5, ratio: '4:5', duration: null, platform: null,
 * //   topic: 'les tendances marketing 2025', ... }
 * detectIntent('How many images do I have left?'); // { kind: 'quota', ... }
 */
export function detectIntent(text: string, _options: DetectOptions = {}): Intent {
  const source = String(text ?? '').normalize('NFC');
  const tokens = tokenize(source);
  const words = tokens.map((t) => t.w);
  const line = toLine(words);
  const early = earlyKind(line);
  if (early) return { kind: early };

  // "Good afternoon, could you…" and "… s'il vous plaît": the greeting and the closing courtesy are no
  // part of the topic.
  const used = tokens.map(() => false);
  for (const pattern of [GREETING, CLOSING, PLEASE]) {
    const m = line.match(pattern);
    const at = m ? line.slice(0, m.index).split(' ').length - 1 : 0;
    if (m) used.fill(true, at, at + m[0].trim().split(' ').length);
  }
  const found = findFormat(tokens, used);
  const platform = findPlatform(source, tokens, used);
  if (!found) {
    // "je veux parler à un humain" wants a person, not an image about one.
    if (asksForPerson(line, false)) return { kind: 'unknown' };
    const makes = words.some((w) => MAKE_VERBS.has(w));
    const late = lateKind(line, makes);
    if (late) return { kind: late };
    if (!makes && !platform && !words.some((w) => WANT_VERBS.has(w))) {
      return { kind: 'unknown' };
    }
  }
  const format = found?.format ?? 'image';
  const explicitRatio = findRatio(source, tokens, used);
  const asked = findQuantities(source, tokens, used, format);
  markRepeats(tokens, used, format);
  const topic = extractTopic(source, tokens, used);

  const warnings: IntentWarning[] = [];
  const bounded = (value: number, field: 'count' | 'duration', { min, max }: Bounds) => {
    const kept = clampToLimit(value, { min, max });
    if (kept !== value) warnings.push(`${field}_clamped`);
    return kept;
  };
  const slides = format === 'image' ? LIMITS.imageCount : LIMITS.carouselSlides;
  const seconds = LIMITS.videoDuration;
  const count = format === 'video' ? 1 : bounded(asked.count ?? slides.default, 'count', slides);
  const duration =
    format === 'video' ? bounded(asked.duration ?? seconds.default, 'duration', seconds) : null;
  if (!topic) warnings.push('topic_missing');
  const intent: GenerateIntent = {
    kind: 'generate',
    format,
    count,
    ratio: explicitRatio ?? defaultRatio(format, platform),
    duration,
    platform,
    topic,
    warnings,
    confidence: found ? 0.9 : 0.6,
  };
  return intent;
}
