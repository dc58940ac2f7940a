import { PLATFORM_WORDS } from './lexicon.js';
import { lookup, type Token } from './normalize.js';
import type { Platform } from './types.js';

/**
 * The first network named ("insta" is instagram, "twitter" or a capital "X" is x); marks every
 * platform word as used so none of them ends up in the topic.
 *
 * @example findPlatform('Post LinkedIn', tokenize('Post LinkedIn'), used) // 'linkedin'
 */
export function findPlatform(text: string, tokens: Token[], used: boolean[]): Platform | null {
  let platform: Platform | null = null;
  tokens.forEach((t, i) => {
    const named = lookup(PLATFORM_WORDS, t.w) ?? (text[t.s] === 'X' && t.e - t.s === 1 ? 'x' : undefined);
    if (named) {
      platform ??= named;
      used[i] = true;
    }
  });
  return platform;
}
