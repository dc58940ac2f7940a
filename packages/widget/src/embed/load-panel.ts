import type { Locale } from '../i18n/launcher.js';
import type { PanelModule } from '../mount.js';
import type { WidgetOptions } from '../options.js';
import { besideScript, loadScript } from './load-script.js';
import { sharedModules } from './runtime.js';

/** One panel file per locale, each with only its own catalogue: a page downloads the language it shows. */
export const panelFile = (locale: Locale) => `alfie-widget-panel-${locale}.js`;

/**
 * Where the locale's panel file is: in `assetsUrl` when given (absolute, or relative to the page), else
 * next to the entry script (its query string kept, so a cache-busting `?v=` reaches the panel too).
 * @example panelUrl('fr', undefined, 'https://cdn.example/w/alfie-widget.js?v=3') // 'https://cdn.example/w/alfie-widget-panel-fr.js?v=3'
 */
export function panelUrl(
  locale: Locale,
  assetsUrl: string | undefined,
  entrySrc: string | undefined,
  pageUrl: string | undefined = globalThis.location?.href,
): string {
  if (assetsUrl) {
    // A relative data-assets-url ("/static/alfie") is relative to the page.
    const folder = new URL(assetsUrl.endsWith('/') ? assetsUrl : `${assetsUrl}/`, pageUrl);
    return new URL(panelFile(locale), folder).href;
  }
  if (!entrySrc)
    throw new Error(`alfie-widget: cannot tell where ${panelFile(locale)} is; set data-assets-url`);
  return besideScript(panelFile(locale), entrySrc);
}

const loads = new Map<string, Promise<PanelModule>>();

/**
 * Loads the panel (see loadScript), once per URL for every widget of the page. A failed load is
 * forgotten, so the next attempt fetches again.
 */
export function panelLoader(entry: HTMLScriptElement | null) {
  const entrySrc = entry?.src || undefined;
  const nonce = entry?.nonce;
  return (options: WidgetOptions, locale: Locale): Promise<PanelModule> => {
    let url: string;
    try {
      url = panelUrl(locale, options.assetsUrl, entrySrc);
    } catch (error) {
      return Promise.reject(error);
    }
    let load = loads.get(url);
    if (!load) {
      load = loadScript<PanelModule>(url, nonce, sharedModules);
      loads.set(url, load);
      load.catch(() => loads.delete(url));
    }
    return load;
  };
}
