import { en } from './en.js';
import { fr } from './fr.js';
import type { Locale } from './launcher.js';

/**
 * Every catalogue, by locale. The script-tag build makes one panel file per locale and swaps this
 * module for one holding only that locale's catalogue (tsup.config.ts), so a page downloads the
 * language it shows and not the other one.
 */
export const catalogues: Record<Locale, typeof fr> = { fr, en };
