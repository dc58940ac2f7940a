/** Where the app finds its server, who it acts as, and for which brand. */
export interface AlfieConfig {
  url: string;
  token: string;
  brandId: string;
}

const STORAGE_KEY = 'alfie-example-config';

/**
 * Build-time settings win (VITE_ALFIE_URL, VITE_ALFIE_TOKEN, VITE_ALFIE_BRAND in `.env.local`);
 * otherwise what the user typed in the config form, kept in localStorage.
 */
export function readConfig(): AlfieConfig | null {
  const env = import.meta.env;
  if (env.VITE_ALFIE_TOKEN && env.VITE_ALFIE_BRAND) {
    return {
      url: env.VITE_ALFIE_URL || 'http://localhost:8787',
      token: env.VITE_ALFIE_TOKEN,
      brandId: env.VITE_ALFIE_BRAND,
    };
  }
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as AlfieConfig | null;
    return saved?.token && saved.brandId ? saved : null;
  } catch {
    return null;
  }
}

export function saveConfig(config: AlfieConfig | null): void {
  if (config) localStorage.setItem(STORAGE_KEY, JSON.stringify(config));
  else localStorage.removeItem(STORAGE_KEY);
}

export const defaultUrl = (): string => import.meta.env.VITE_ALFIE_URL || 'http://localhost:8787';
