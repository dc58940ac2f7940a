// Numbers written as digits or words, FR and EN, up to 79 ("vingt-cinq", "twenty five", "soixante-dix").
import { isDigits, type Token } from './normalize.js';

/** FR then EN, each padded to 20 slots so that a word's value is its index modulo 20. */
const UNITS = (
  'zero un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize - - - ' +
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
).split(' ');
const TENS = 'vingt trente quarante cinquante soixante twenty thirty forty fifty sixty'.split(' ');

/** Value of a single number word or digit run, or undefined. */
function unitValue(w: string): number | undefined {
  if (isDigits(w)) return Number(w);
  if (w === 'une') return 1;
  const at = UNITS.indexOf(w);
  return at >= 0 ? at % 20 : undefined;
}

export interface NumberMatch {
  value: number;
  /** Index of the token just after the number. */
  end: number;
}

/**
 * Reads the number starting at token `i`. Compounds join a tens word with a unit ("vingt-cinq",
 * "vingt et un", "twenty five", "dix-sept", "soixante-quinze"); the hyphen is already a token break.
 *
 * @example readNumber(tokenize('vingt-cinq slides'), 0) // { value: 25, end: 2 }
 */
export function readNumber(tokens: Token[], i: number): NumberMatch | undefined {
  const w = tokens[i]?.w ?? '';
  // "a minute video": the article is the number.
  if (/^an?$/.test(w) && tokens[i + 1]?.w === 'minute') return { value: 1, end: i + 1 };
  const tensAt = TENS.indexOf(w);
  const tens = tensAt >= 0 ? ((tensAt % 5) + 2) * 10 : w === 'dix' ? 10 : undefined;
  if (tens !== undefined) {
    let j = i + 1;
    if (tokens[j]?.w === 'et') j++;
    const next = tokens[j]?.w ?? '';
    const unit = isDigits(next) ? undefined : unitValue(next);
    // soixante-dix..dix-neuf is 70..79; elsewhere only 1..9 follows a tens word.
    if (unit !== undefined && unit > 0 && (unit < 10 || (tens === 60 && unit < 20)))
      return { value: tens + unit, end: j + 1 };
    return { value: tens, end: i + 1 };
  }
  const value = unitValue(w);
  return value === undefined ? undefined : { value, end: i + 1 };
}
