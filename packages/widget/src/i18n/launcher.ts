export type Locale = 'fr' | 'en';

/**
 * The few lines the launcher shows before the conversation panel (and the full catalogues, which travel
 * with it) has loaded: kept apart so the script-tag entry stays small.
 */
export const launcherText = {
  fr: {
    open: 'Ouvrir le chat Alfie',
    close: 'Fermer le chat Alfie',
    loading: 'Chargement…',
    failed: 'Le chat ne se charge pas. Vérifiez votre connexion, puis rouvrez-le.',
    ready: 'résultat prêt',
  },
  en: {
    open: 'Open the Alfie chat',
    close: 'Close the Alfie chat',
    loading: 'Loading…',
    failed: 'The chat could not load. Check your connection, then open it again.',
    ready: 'result ready',
  },
} satisfies Record<Locale, Record<string, string>>;

/**
 * The option wins, then the browser language; anything that is not French falls back to English.
 * @example resolveLocale(undefined, 'fr-CA') // 'fr'
 */
export function resolveLocale(option: string | undefined, navigatorLanguage?: string): Locale {
  const wanted = (option || navigatorLanguage || 'en').toLowerCase();
  return wanted.startsWith('fr') ? 'fr' : 'en';
}
