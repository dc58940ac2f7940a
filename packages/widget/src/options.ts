import type { Locale } from './i18n/index.js';

export type WidgetTheme = 'light' | 'dark' | 'auto';
export type WidgetPosition = 'bottom-right' | 'bottom-left';

/** Everything a host page can set, as an option or as a `data-*` attribute of the script tag. */
export interface WidgetOptions {
  /** Base URL of the Alfie server, e.g. `https://alfie.example.com`. */
  apiUrl: string;
  /** The brand the visuals are made for. When omitted, the user's first brand is used. */
  brandId?: string;
  /** A browser token (JWT) for the user. */
  token?: string;
  /** Called before requests: lets the host page hand out fresh tokens. */
  getToken?: () => string | null | Promise<string | null>;
  /** `fr` or `en`; defaults to `navigator.language`. */
  locale?: Locale | string;
  theme?: WidgetTheme;
  position?: WidgetPosition;
  zIndex?: number;
  /** Brand colour of the launcher, buttons and the user's bubbles (any CSS colour). */
  color?: string;
  /** Start with the panel open. */
  open?: boolean;
  /** Separates the stored conversations of two widgets of the same brand and user on one page. */
  instanceId?: string;
  /**
   * Script-tag build only: the folder (URL) `alfie-widget-panel-<locale>.js` is loaded from. Default: the folder
   * `alfie-widget.js` itself was loaded from.
   */
  assetsUrl?: string;
  /** Custom fetch (tests, proxies). */
  fetch?: typeof fetch;
}

/** Reads the options of a `<script data-api-url=... data-brand-id=...>` tag. */
export function optionsFromDataset(
  dataset: DOMStringMap,
  globals: Record<string, unknown> = globalThis as never,
): WidgetOptions {
  const callbackName = dataset.tokenCallback;
  const zIndex = dataset.zIndex ? Number(dataset.zIndex) : undefined;
  return {
    apiUrl: dataset.apiUrl ?? '',
    brandId: dataset.brandId || undefined,
    token: dataset.token || undefined,
    // Looked up at call time: the host page may define its callback after this script ran.
    getToken: callbackName ? () => callGlobal(globals, callbackName) : undefined,
    locale: dataset.locale || undefined,
    theme: (dataset.theme as WidgetTheme) || undefined,
    position: (dataset.position as WidgetPosition) || undefined,
    zIndex: Number.isFinite(zIndex) ? zIndex : undefined,
    color: dataset.color || undefined,
    open: dataset.open === 'true' || undefined,
    instanceId: dataset.instanceId || undefined,
    assetsUrl: dataset.assetsUrl || undefined,
  };
}

function callGlobal(globals: Record<string, unknown>, name: string): string | null | Promise<string | null> {
  const callback = globals[name];
  if (typeof callback !== 'function') return null;
  return (callback as () => string | null | Promise<string | null>)();
}
