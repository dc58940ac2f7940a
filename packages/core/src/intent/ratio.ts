import { DEFAULT_RATIO, type Format, RATIOS, type Ratio } from '../contract/constants.js';
import { RATIO_WORDS } from './lexicon.js';
import { isDigits, lookup, type Token } from './normalize.js';
import type { Platform } from './types.js';

/**
 * The first ratio written out ("4:5", "4/5", "4-5", "4 : 5") or named by a word ("carré",
 * "portrait", "plein écran", "landscape"); marks its tokens as used. Explicit forms win over words.
 *
 * @example findRatio('Trois images au format 4/5', tokenize('Trois images au format 4/5'), used) // '4:5'
 */
export function findRatio(text: string, tokens: Token[], used: boolean[]): Ratio | undefined {
  let written: Ratio | undefined;
  let named: Ratio | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    const pair = `${a.w}:${b?.w}` as Ratio;
    if (b && isDigits(a.w) && RATIOS.includes(pair) && /^\s*[:/-]\s*$/.test(text.slice(a.e, b.s))) {
      written ??= pair;
      used[i] = used[i + 1] = true;
      i++;
      continue;
    }
    const word = lookup(RATIO_WORDS, a.w);
    // "plein écran" / "full screen": two words for 9:16.
    const screen = (a.w === 'plein' && b?.w === 'ecran') || (a.w === 'full' && b?.w === 'screen');
    if (word || screen) {
      named ??= word ?? '9:16';
      used[i] = true;
      if (screen) used[i + 1] = true;
    }
  }
  return written ?? named;
}

/** Platform conventions (SPEC): null means "the format's own default". */
const PLATFORM_RATIO: Record<Platform, Ratio | null> = {
  instagram: null,
  tiktok: '9:16',
  linkedin: '1:1',
  pinterest: '2:3',
  youtube: '16:9',
  facebook: '1:1',
  x: '16:9',
};

/** Ratio when the message names none: the platform's, else the format's. */
export function defaultRatio(format: Format, platform: Platform | null): Ratio {
  if (platform === 'facebook' && format === 'video') return '9:16';
  return (platform && PLATFORM_RATIO[platform]) || DEFAULT_RATIO[format];
}
