import { LOCALES, type Locale } from '@alfie/core/contract';
import Negotiator from 'negotiator';

// An order's language: the request's `locale`, else its brand's (read by the creating statement,
// sql/orders/reserve-quota-and-create-order.ts), else the browser's Accept-Language, else English.
// Every order carries the result, so the planner never guesses.

/** When neither the request, the brand nor the browser names a language the planner writes. */
export const FALLBACK_LOCALE: Locale = 'en';

/** The supported language the header prefers most, or null when it names none of them. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | null {
  if (!header?.trim()) return null;
  const best = new Negotiator({ headers: { 'accept-language': header } }).language([...LOCALES]);
  return isLocale(best) ? best : null;
}

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
