import { catalogues } from './catalogues.js';
import type { fr } from './fr.js';
import type { frExtras } from './fr-extras.js';
import type { Locale } from './launcher.js';

export { type Locale, resolveLocale } from './launcher.js';

/** The strings the panel shows itself. */
export type PanelCatalogue = typeof fr;
/** The strings of the extras (src/ui/extras.ts), which come with them in the script tag. */
export type ExtrasCatalogue = typeof frExtras;
export type Catalogue = PanelCatalogue & ExtrasCatalogue;

export function catalogueFor(locale: Locale): Catalogue {
  return catalogues[locale];
}

/**
 * Completes the catalogues with the extras' strings when alfie-widget-extras.js arrives (the script
 * tag's panel holds only its own, see catalogues.ts): the same objects, which every component holds.
 */
export function addExtrasStrings(strings: Record<Locale, ExtrasCatalogue>): void {
  for (const locale of Object.keys(catalogues) as Locale[])
    Object.assign(catalogues[locale], strings[locale]);
}

/** "1er décembre" / "December 1": the reset date of a quota, in the user's language. */
export function formatDay(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    date,
  );
  // French writes the first of the month as an ordinal: « le 1er janvier ».
  return locale === 'fr' && date.getUTCDate() === 1 ? day.replace(/^1 /, '1er ') : day;
}

/** « 3 déc. » / "Dec 3": when the earlier visual of a reuse offer was made, short. */
export function shortDay(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}
