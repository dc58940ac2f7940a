import { en } from './en.js';
import { fr } from './fr.js';

export type Catalogue = typeof fr;
export type Locale = 'fr' | 'en';

const catalogues: Record<Locale, Catalogue> = { fr, en };

/**
 * The option wins, then the browser language; anything that is not French falls back to English.
 * @example resolveLocale(undefined, 'fr-CA') // 'fr'
 */
export function resolveLocale(option: string | undefined, navigatorLanguage?: string): Locale {
  const wanted = (option || navigatorLanguage || 'en').toLowerCase();
  return wanted.startsWith('fr') ? 'fr' : 'en';
}

export function catalogueFor(locale: Locale): Catalogue {
  return catalogues[locale];
}

/** "1 décembre" / "December 1": the reset date of a quota, in the user's language. */
export function formatDay(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}
