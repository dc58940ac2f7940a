// biome-ignore-all assist/source/organizeImports: App comes first on purpose, see below.
// App is imported first: that puts the UI modules next to Preact in the script-tag bundle, which gzip
// compresses about 0.2 KB better than with core in between.
import { App } from './ui/App.js';
import { createAlfieBaseClient } from '@alfie/core';
import { render } from 'preact';
import { createEmitter, type WidgetEvent, type WidgetListener } from './events.js';
import { catalogueFor, resolveLocale } from './i18n/index.js';
import type { WidgetOptions } from './options.js';
import type { WidgetClient } from './state/client.js';
import { createConversation } from './state/conversation.js';
import { loadConversation, persistConversation, storageKey, userKeyFromToken } from './state/persist.js';
import { createWidgetStore } from './state/store.js';
import { adoptStyles } from './styles.js';
import { textColorOn } from './theme.js';
import { WidgetContext } from './ui/context.js';

/** The handle `mountAlfieWidget` returns. */
export interface AlfieWidget {
  open(): void;
  close(): void;
  toggle(): void;
  /** Unmounts the widget and closes every stream; nothing is left behind. */
  destroy(): void;
  /** Replaces the browser token (e.g. after the host refreshed its session). */
  setToken(token: string | null): void;
  /** Subscribes to open, close, order:created, order:completed, order:failed, error. Returns the unsubscribe. */
  on<E extends WidgetEvent>(event: E, listener: WidgetListener<E>): () => void;
  /** Resolves once the stored conversation is restored and running orders are watched again. */
  ready: Promise<void>;
  /** The `<alfie-widget>` element holding the shadow root. */
  host: HTMLElement;
}

/**
 * Mounts the chat widget: a launcher button and its panel, inside a Shadow DOM.
 *
 * @example
 * import { mountAlfieWidget } from '@alfie/widget';
 * const widget = mountAlfieWidget({ apiUrl: 'https://alfie.example.com', brandId, token });
 * widget.on('order:completed', ({ orderId }) => console.log('done', orderId));
 * widget.open();
 */
export function mountAlfieWidget(options: WidgetOptions): AlfieWidget;
export function mountAlfieWidget(element: Element | null | undefined, options: WidgetOptions): AlfieWidget;
export function mountAlfieWidget(
  first: Element | WidgetOptions | null | undefined,
  second?: WidgetOptions,
): AlfieWidget {
  const isElement = first != null && typeof (first as Element).appendChild === 'function';
  const options = (second ?? (isElement ? undefined : first)) as WidgetOptions | undefined;
  if (!options?.apiUrl) throw new TypeError('mountAlfieWidget: options.apiUrl is required');
  const parent = isElement ? (first as Element) : document.body;

  const host = document.createElement('alfie-widget');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  if (options.color) {
    host.style.setProperty('--alfie-accent', options.color);
    host.style.setProperty('--alfie-on-accent', textColorOn(options.color));
  }
  if (options.zIndex !== undefined) host.style.setProperty('--alfie-z-index', String(options.zIndex));
  const mountPoint = document.createElement('div');
  shadow.appendChild(mountPoint);
  parent.appendChild(host);

  const locale = resolveLocale(options.locale, globalThis.navigator?.language);
  const t = catalogueFor(locale);
  // The base client: the widget uses no pager, quota observer or mutation, so they stay out of the bundle.
  const client: WidgetClient = createAlfieBaseClient({
    baseUrl: options.apiUrl,
    ...(options.token ? { token: options.token } : {}),
    ...(options.getToken ? { getToken: options.getToken } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const store = createWidgetStore({ open: Boolean(options.open) });
  const emitter = createEmitter();

  let brand: Promise<string> | null = null;
  const brandId = () => {
    brand ??= options.brandId
      ? Promise.resolve(options.brandId)
      : client.brands.list().then((page) => {
          const first = page.data[0];
          if (!first) throw new Error('No brand: create one or pass brandId');
          return first.id;
        });
    brand.catch(() => {
      brand = null; // Try again on the next request instead of failing forever.
    });
    return brand;
  };
  const conversation = createConversation({ store, client, brandId, locale, t, emitter });

  const cleanups: Array<() => void> = [];
  let destroyed = false;
  let quotaFetched = false;
  cleanups.push(
    store.subscribe((state, previous) => {
      if (state.open === previous.open) return;
      emitter.emit(state.open ? 'open' : 'close', undefined);
      if (state.open && !quotaFetched) {
        quotaFetched = true;
        void conversation.refreshQuota();
      }
    }),
  );

  render(
    <WidgetContext.Provider
      value={{
        store,
        conversation,
        t,
        locale,
        apiUrl: options.apiUrl,
        theme: resolveTheme(options.theme),
        position: options.position ?? 'bottom-right',
      }}
    >
      <App />
    </WidgetContext.Provider>,
    mountPoint,
  );

  const ready = (async () => {
    const token = options.token ?? (await Promise.resolve(options.getToken?.()).catch(() => null));
    const brandKey = await brandId().catch(() => 'unknown-brand');
    if (destroyed) return;
    const key = storageKey(brandKey, userKeyFromToken(token), options.instanceId);
    const saved = loadConversation(key);
    if (saved) {
      // Messages typed while restoring stay after the restored ones.
      store.setState((s) => ({
        messages: [...saved.messages, ...s.messages],
        orders: { ...saved.orders, ...s.orders },
      }));
    }
    cleanups.push(persistConversation(store, key));
    if (store.getState().messages.length === 0) conversation.greet();
    conversation.resume();
    if (store.getState().open && !quotaFetched) {
      quotaFetched = true;
      void conversation.refreshQuota();
    }
  })();

  return {
    open: () => store.setState({ open: true }),
    close: () => store.setState({ open: false }),
    toggle: () => store.setState((s) => ({ open: !s.open })),
    setToken: (token) => client.setToken(token),
    on: (event, listener) => emitter.on(event, listener),
    ready,
    host,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      conversation.dispose();
      for (const cleanup of cleanups.splice(0)) cleanup();
      render(null, mountPoint);
      host.remove();
      emitter.clear();
    },
  };
}

/** `auto` follows the system scheme at mount time (no media listener left to clean up). */
function resolveTheme(theme: WidgetOptions['theme']): 'light' | 'dark' {
  if (theme !== 'auto') return theme === 'dark' ? 'dark' : 'light';
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
