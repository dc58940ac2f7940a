import type { Locale } from './launcher.js';

/** Strings of the reuse offer and the variant picker, kept beside each other for both languages. */
const strings = {
  fr: {
    reuseFound: (day: string) => `Vous avez déjà un visuel proche (${day})`,
    reuseFree: 'Réutiliser gratuitement',
    reuseNew: 'En créer un nouveau',
    reusePreview: 'Votre visuel précédent',
    variantsTitle: (n: number) => `${n} variantes`,
    variantCost: (n: number) => `${n} variantes = ${n} images`,
    variantLabel: (n: number, style: string) => `Variante ${n} (${style})`,
    choose: 'Choisir',
    chosen: 'Choisie',
    variantMissing: 'Variante non livrée',
    reused: 'Réutilisé gratuitement',
  },
  en: {
    reuseFound: (day: string) => `You already have a similar visual (${day})`,
    reuseFree: 'Reuse it for free',
    reuseNew: 'Make a new one',
    reusePreview: 'Your earlier visual',
    variantsTitle: (n: number) => `${n} variants`,
    variantCost: (n: number) => `${n} variants = ${n} images`,
    variantLabel: (n: number, style: string) => `Variant ${n} (${style})`,
    choose: 'Choose',
    chosen: 'Chosen',
    variantMissing: 'Variant not delivered',
    reused: 'Reused for free',
  },
} as const;

export type ReuseVariantsStrings = (typeof strings)['fr'] | (typeof strings)['en'];

export function reuseVariantsStrings(locale: Locale): ReuseVariantsStrings {
  return strings[locale];
}

/** « 3 variantes = 3 images »: what variants cost, shown on the proposal before it is confirmed. */
export const variantCost = (locale: Locale, variants: number): string =>
  strings[locale].variantCost(variants);

/** « 3 déc. » / "Dec 3": when the earlier visual was made, short. */
export function shortDay(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}
