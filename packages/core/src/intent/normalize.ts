/** One word or digit run of the message, with its span in the (NFC) original text. */
export interface Token {
  /** Lower-cased, accent-free form: "Vidéo" -> "video". */
  w: string;
  /** Start and end offsets in the text, so the topic keeps the user's own spelling. */
  s: number;
  e: number;
}

/** Lower-cases and strips accents, so "Créé" and "cree" compare equal. */
export const fold = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/**
 * Splits into whole words and digit runs ("10s" -> "10", "s"; "d'une" -> "d", "une"), which makes
 * every later match whole-word: "freelancing" never holds "reel".
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\p{N}+|\p{L}+/gu)) {
    tokens.push({ w: fold(m[0]), s: m.index, e: m.index + m[0].length });
  }
  return tokens;
}

/** Singular guess used only for vocabulary look-ups ("slides" -> "slide", "verticaux" stays). */
export const singular = (w: string): string => (w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w);

export const isDigits = (w: string | undefined): boolean => !!w && /^\d+$/.test(w);

/** Builds a word -> key index from space-separated lists (compact to ship). */
export function indexWords<K extends string>(groups: Partial<Record<K, string>>): Map<string, K> {
  const map = new Map<string, K>();
  for (const key in groups) for (const w of (groups[key] as string).split(' ')) map.set(w, key);
  return map;
}

export const wordSet = (list: string): Set<string> => new Set(list.split(' '));

/** Looks a word up as written, then as its singular. */
export const lookup = <V>(map: Map<string, V>, w: string): V | undefined =>
  map.get(w) ?? map.get(singular(w));

/** Set membership as written or as singular. */
export const hasWord = (set: Set<string>, w: string): boolean => set.has(w) || set.has(singular(w));
