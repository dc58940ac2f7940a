import { LOCALES, type Locale } from '@alfie/core/contract';
import Negotiator from 'negotiator';
import type { Queryable } from '../db/types.js';
import { BRAND_LOCALE } from '../sql/brands/brand-locale.js';

/** When neither the request, the brand nor the browser names a language the planner writes. */
export const FALLBACK_LOCALE: Locale = 'en';

/**
 * The language an order's texts are written in: the request's `locale`, else the brand's, else
 * the best supported language of the `Accept-Language` header (q-values honoured, `fr-CA` counts
 * as `fr`), else English. Every order carries the result, so the planner never guesses.
 *
 * @example
 * await resolveOrderLocale(db, { requested: undefined, brandId, userId, brandIds: null, acceptLanguage: 'fr-FR,fr;q=0.9' }); // 'fr'
 */
export async function resolveOrderLocale(
  db: Queryable,
  input: {
    requested: Locale | undefined;
    brandId: string;
    userId: string;
    brandIds: string[] | null;
    acceptLanguage: string | undefined;
  },
): Promise<Locale> {
  if (input.requested) return input.requested;
  const { rows } = await db.query<{ locale: string | null }>(BRAND_LOCALE, [
    input.brandId,
    input.userId,
    input.brandIds,
  ]);
  const brandLocale = rows[0]?.locale;
  if (isLocale(brandLocale)) return brandLocale;
  return localeFromAcceptLanguage(input.acceptLanguage) ?? FALLBACK_LOCALE;
}

/** The supported language the header prefers most, or null when it names none of them. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header?.trim()) return null;
  const best = new Negotiator({ headers: { 'accept-language': header } }).language([...LOCALES]);
  return isLocale(best) ? best : null;
}

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
