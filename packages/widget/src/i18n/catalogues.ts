import { en } from './en.js';
import { enExtras } from './en-extras.js';
import { fr } from './fr.js';
import { frExtras } from './fr-extras.js';
import type { Catalogue } from './index.js';
import type { Locale } from './launcher.js';

/**
 * Every catalogue, by locale, the extras' strings included. The script-tag build makes one panel file
 * per locale and swaps this module for one holding only that locale's panel strings (tsup.config.ts),
 * so a page downloads the language it shows and not the other one; the extras' strings come with
 * alfie-widget-extras.js (extras-catalogues.ts, addExtrasStrings).
 */
export const catalogues: Record<Locale, Catalogue> = {
  fr: { ...fr, ...frExtras },
  en: { ...en, ...enExtras },
};
