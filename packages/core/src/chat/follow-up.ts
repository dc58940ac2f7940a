// Turns that only make sense after a result: redo one slide, the same again, a variant.

import { isDigits, type Token } from '../intent/normalize.js';
import { readNumber } from '../intent/numbers.js';

const REDO_VERB =
  /^(refai[st]?|refaire|refaites|regenere[rz]?|regenerer|recree[rz]?|recommence[rz]?|redo|remake|regenerate|redraw|recreate|retry|reessaie|change[rz]?|remplace[rz]?|replace|modifie[rz]?|reprend[sz]?|corrige[rz]?|again|encore)$/;
const SLIDE_WORD = /^(slides?|diapos?|diapositives?|pages?|images?|visuels?|photos?|vignettes?)$/;
/** Ordinals FR then EN, by position ("premier" 1, "first" 1 …); a closing "e" is dropped first (première, seconde). */
const ORDINALS =
  'premier deuxiem troisiem quatriem cinquiem sixiem septiem huitiem neuviem dixiem first second third fourth fifth sixth seventh eighth ninth tenth'.split(
    ' ',
  );
const ordinal = (w: string | undefined): number => (ORDINALS.indexOf(String(w).replace(/e$/, '')) % 10) + 1;
const SKIP = /^(la|le|l|the|n|no|numero|num|number|nr|moi|me|nous|us|juste|just|only|seulement|slide|diapo)$/;

/** The position named right after `i` ("slide 3", "slide n° 3", "slide three") or before it ("3e slide"). */
function positionNear(tokens: Token[], i: number, last: number): number | undefined {
  let j = i + 1;
  while (tokens[j] && SKIP.test(tokens[j]!.w)) j++;
  const after = readNumber(tokens, j);
  if (after && after.value > 0) return after.value;
  const before = tokens[i - 1]?.w;
  const before2 = tokens[i - 2]?.w;
  if (ordinal(before)) return ordinal(before);
  if (before === 'derniere' || before === 'dernier' || before === 'last') return last;
  if (before && /^(e|er|eme|re|nd|rd|th|st)$/.test(before) && before2 && /^\d+$/.test(before2))
    return Number(before2);
  return undefined;
}

/**
 * "refais la slide 3", "redo slide 2", "la 2e slide, refais-la", "regenerate the third slide":
 * the 1-based slide to redo, or undefined. `last` answers "la dernière slide".
 */
export function readRedo(tokens: Token[], last: number): number | undefined {
  const words = tokens.map((t) => t.w);
  if (!words.some((w) => REDO_VERB.test(w) || w === 'nouvelle' || w === 'new' || w === 'autre'))
    return undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (!SLIDE_WORD.test(words[i]!)) continue;
    const slide = positionNear(tokens, i, last);
    if (slide !== undefined) return slide;
  }
  // "refais la première", "redo the last one": in a short message an ordinal alone names a slide too
  // (not in "again, the first one was better").
  const at = tokens.findIndex((t) => ordinal(t.w) || /^(derniere?|last)$/.test(t.w));
  if (at >= 0 && tokens.length < 6) return positionNear(tokens, at + 1, last);
  // "la 2 ne me plaît pas, refais-la", "redo number 3": a position no larger than the carousel.
  const k = tokens.findIndex((t, i) => /^(la|l|the|number|numero)$/.test(t.w) && isDigits(tokens[i + 1]?.w));
  const n = k < 0 ? 0 : Number(tokens[k + 1]!.w);
  return n > 0 && n <= last ? n : undefined;
}

const AGAIN =
  / (encore|again|rebelote|refais|refaire|redo|remake|la meme|le meme|les memes|meme chose|pareil(le)?s?|same|one more|another|une autre|un autre|once more|variante|variant|variation|version|declinaison|decline|similar|similaire|identique|recommence) /;

/** "encore", "la même chose", "une variante en 9:16", "pareil mais sur Y", "same again". */
export const asksAgain = (line: string): boolean => AGAIN.test(line);
