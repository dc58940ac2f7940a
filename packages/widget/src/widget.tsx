import { createAlfieBaseClient } from '@alfie/core';
import { render } from 'preact';
import { createEmitter, type WidgetEvent, type WidgetListener } from './events.js';
import { resolveLocale } from './i18n/launcher.js';
import type { WidgetOptions } from './options.js';
import type * as PanelExports from './panel.js';
import type { WidgetClient } from './state/client.js';
import type { Conversation } from './state/conversation.js';
import { loadConversation, persistConversation, storageKey, userKeyFromToken } from './state/persist.js';
import { createWidgetStore, messageId, pushMessage } from './state/store.js';
import { adoptStyles } from './styles.js';
import { textColorOn } from './theme.js';
import { App } from './ui/App.js';
import { WidgetContext, type WidgetContextValue } from './ui/context.js';

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

export interface MountAlfieWidget {
  (options: WidgetOptions): AlfieWidget;
  (element: Element | null | undefined, options: WidgetOptions): AlfieWidget;
}

/** What `src/panel.ts` exports: the conversation panel, its brain and its catalogues. */
export type PanelModule = Pick<
  typeof PanelExports,
  'Panel' | 'createConversation' | 'catalogueFor' | 'panelCss'
>;

/**
 * The panel module itself (the ESM/CJS library imports it statically), or a function fetching it (the
 * script-tag build loads `alfie-widget-panel.js` on demand).
 */
export type PanelSource = PanelModule | ((options: WidgetOptions) => Promise<PanelModule>);

/**
 * Builds `mountAlfieWidget` around a way to get the panel. The launcher, the store, the client and the
 * stored conversation are here; the panel arrives on first open, launcher hover or focus, idle time, or
 * at once when stored orders are still running.
 */
export function createMount(panelSource: PanelSource): MountAlfieWidget {
  return (first: Element | WidgetOptions | null | undefined, second?: WidgetOptions) => {
    const isElement = first != null && typeof (first as Element).appendChild === 'function';
    const options = (second ?? (isElement ? undefined : first)) as WidgetOptions | undefined;
    if (!options?.apiUrl) throw new TypeError('mountAlfieWidget: options.apiUrl is required');
    return mount(isElement ? (first as Element) : document.body, options, panelSource);
  };
}

function mount(parent: Element, options: WidgetOptions, panelSource: PanelSource): AlfieWidget {
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

  const cleanups: Array<() => void> = [];
  let destroyed = false;
  let restored = false;
  let quotaFetched = false;
  let panel: PanelModule | null = null;
  let conversation: Conversation | null = null;
  let loading: Promise<void> | null = null;
  let loadFailed = false;

  const fetchQuotaOnce = () => {
    if (!conversation || quotaFetched || !store.getState().open) return;
    quotaFetched = true;
    void conversation.refreshQuota();
  };

  const attach = (module: PanelModule) => {
    if (destroyed || conversation) return;
    panel = module;
    adoptStyles(shadow, module.panelCss); // before the panel first renders: no unstyled flash
    const t = module.catalogueFor(locale);
    conversation = module.createConversation({ store, client, brandId, locale, t, emitter });
    paint();
    if (restored) conversation.resume();
    fetchQuotaOnce();
  };

  /** Gets the panel once; a failed load is retried by the next trigger (open, hover, focus). */
  const ensurePanel = (): Promise<void> => {
    if (conversation || destroyed) return Promise.resolve();
    if (loading) return loading;
    if (typeof panelSource !== 'function') {
      attach(panelSource);
      return Promise.resolve();
    }
    if (loadFailed) {
      loadFailed = false;
      paint();
    }
    loading = panelSource(options).then(attach, (error: unknown) => {
      loading = null;
      if (destroyed) return;
      loadFailed = true;
      paint();
      emitter.emit('error', {
        code: 'PANEL_LOAD_FAILED',
        message: error instanceof Error ? error.message : String(error),
      });
    });
    return loading;
  };
  const prefetch = () => void ensurePanel();

  function paint(): void {
    const value: WidgetContextValue = {
      store,
      // Null until the panel arrives; only panel components read it, and they render after that.
      conversation: conversation as Conversation,
      client,
      t: panel?.catalogueFor(locale) as WidgetContextValue['t'],
      locale,
      apiUrl: options.apiUrl,
      theme: resolveTheme(options.theme),
      position: options.position ?? 'bottom-right',
    };
    render(
      <WidgetContext.Provider value={value}>
        <App Panel={panel?.Panel ?? null} loadFailed={loadFailed} prefetch={prefetch} />
      </WidgetContext.Provider>,
      mountPoint,
    );
  }

  cleanups.push(
    store.subscribe((state, previous) => {
      if (state.open === previous.open) return;
      emitter.emit(state.open ? 'open' : 'close', undefined);
      if (state.open) void ensurePanel().then(fetchQuotaOnce);
    }),
  );
  paint();
  if (typeof panelSource !== 'function' || store.getState().open) prefetch();

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
    if (store.getState().messages.length === 0) {
      pushMessage(store, { id: messageId(), type: 'bot', line: 'welcome' });
    }
    restored = true;
    // (Read through a cast: TypeScript cannot see that attach() may have run meanwhile.)
    const attached = conversation as Conversation | null;
    if (attached) return attached.resume();
    const { messages, orders } = store.getState();
    const running = messages.some((m) => m.type === 'order' && orders[m.orderId]?.done === false);
    // Orders still running are watched again now, not when the user opens the panel.
    if (running) return ensurePanel();
    cleanups.push(whenIdle(prefetch));
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
      conversation?.dispose();
      for (const cleanup of cleanups.splice(0)) cleanup();
      render(null, mountPoint);
      host.remove();
      emitter.clear();
    },
  };
}

/**
 * Runs `task` once the page has loaded and is idle (a timer where requestIdleCallback is missing), so
 * the panel never competes with the host page's own resources. Returns the cancel.
 */
function whenIdle(task: () => void): () => void {
  let cancel = () => {};
  const schedule = () => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(task, { timeout: 5000 });
      cancel = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(task, 2000);
      cancel = () => clearTimeout(id);
    }
  };
  if (document.readyState === 'complete') schedule();
  else {
    globalThis.addEventListener('load', schedule, { once: true });
    cancel = () => globalThis.removeEventListener('load', schedule);
  }
  return () => cancel();
}

/** `auto` follows the system scheme at mount time (no media listener left to clean up). */
function resolveTheme(theme: WidgetOptions['theme']): 'light' | 'dark' {
  if (theme !== 'auto') return theme === 'dark' ? 'dark' : 'light';
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
