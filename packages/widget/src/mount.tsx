import type { AlfieClientOptions } from '@alfie/core';
import { render } from 'preact';
import { createEmitter, type WidgetEvent, type WidgetListener } from './events.js';
import { type Locale, resolveLocale } from './i18n/launcher.js';
import type { WidgetOptions } from './options.js';
import type * as PanelExports from './panel.js';
import type { WidgetClient } from './state/client-types.js';
import type { BoundConversation } from './state/conversation-binding.js';
import { loadConversation, persistConversation, storageKey, userKeyFromToken } from './state/persist.js';
import { createWidgetStore, messageId } from './state/store.js';
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
  /**
   * Subscribes to open, close, order:created, order:completed, order:failed, cancel, handoff, error.
   * Returns the unsubscribe.
   */
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

/**
 * What `src/panel.ts` exports: the conversation panel, core's client, its binding to core's engine,
 * its catalogues.
 */
export type PanelModule = Pick<
  typeof PanelExports,
  'Panel' | 'bindConversation' | 'catalogueFor' | 'createClient' | 'panelCss'
>;

/**
 * The panel module itself (the ESM/CJS library imports it statically), or a function fetching it (the
 * script-tag build loads the locale's `alfie-widget-panel-<locale>.js` on demand).
 */
export type PanelSource = PanelModule | ((options: WidgetOptions, locale: Locale) => Promise<PanelModule>);

/**
 * Builds `mountAlfieWidget` around a way to get the panel. The launcher, the store and the stored
 * conversation are here; the panel arrives on first open, launcher hover or focus, idle time, or at
 * once when stored orders are still running or when the brand must be looked up. Core's client comes
 * with the panel: only the panel talks to the API, so the first paint carries no HTTP, watch or SSE code.
 */
export function createMount(panelSource: PanelSource): MountAlfieWidget {
  return (first: Element | WidgetOptions | null | undefined, second?: WidgetOptions) => {
    const isElement = first != null && typeof (first as Element).appendChild === 'function';
    const options = (second ?? (isElement ? undefined : first)) as WidgetOptions | undefined;
    if (!options?.apiUrl) throw new TypeError('mountAlfieWidget: options.apiUrl is required');
    return mount(isElement ? (first as Element) : document.body, options, panelSource);
  };
}

/**
 * Where the panel stands. One value instead of separate flags, so impossible mixes (loaded and
 * failed, destroyed and loading) cannot be written:
 * - `waiting`: nothing asked for it yet; `loading`: its code is on the way; `failed`: the load
 *   failed and the next trigger (open, hover, focus) tries again;
 * - `ready`: drawn and bound to the conversation; `destroyed`: the widget is gone.
 */
type PanelState =
  | { kind: 'waiting' }
  | { kind: 'loading'; load: Promise<void> }
  | { kind: 'failed' }
  | { kind: 'ready'; panel: PanelModule; conversation: BoundConversation; client: WidgetClient }
  | { kind: 'destroyed' };

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
  // What the panel's client is built with; setToken() before the panel arrives changes it here.
  let clientOptions: AlfieClientOptions = {
    baseUrl: options.apiUrl,
    ...(options.token ? { token: options.token } : {}),
    ...(options.getToken ? { getToken: options.getToken } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const store = createWidgetStore({ open: Boolean(options.open) });
  const emitter = createEmitter();

  let brand: Promise<string> | null = null;
  const brandId = () => {
    // The look-up goes through the panel's client, so it waits for the panel. A microtask first: the
    // panel's binding may ask for the brand while it is being attached.
    brand ??= options.brandId
      ? Promise.resolve(options.brandId)
      : Promise.resolve()
          .then(ensurePanel)
          .then(() => {
            if (state.kind !== 'ready') throw new Error('alfie-widget: the panel did not load');
            return state.client.brands.list();
          })
          .then((page) => {
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
  let state: PanelState = { kind: 'waiting' };
  /** What happened once in the widget's life, whatever the panel's state. */
  const once = { restored: false, quotaFetched: false };

  const fetchQuotaOnce = () => {
    if (state.kind !== 'ready' || once.quotaFetched || !store.getState().open) return;
    once.quotaFetched = true;
    void state.conversation.refreshQuota();
  };

  const attach = (panel: PanelModule) => {
    if (state.kind === 'destroyed' || state.kind === 'ready') return;
    adoptStyles(shadow, panel.panelCss); // before the panel first renders: no unstyled flash
    const t = panel.catalogueFor(locale);
    const client = panel.createClient(clientOptions);
    const conversation = panel.bindConversation({ store, client, brandId, locale, t, emitter });
    state = { kind: 'ready', panel, conversation, client };
    paint();
    if (once.restored) conversation.resume();
    fetchQuotaOnce();
  };

  /** Gets the panel once; a failed load is retried by the next trigger (open, hover, focus). */
  const ensurePanel = (): Promise<void> => {
    if (state.kind === 'ready' || state.kind === 'destroyed') return Promise.resolve();
    if (state.kind === 'loading') return state.load;
    if (typeof panelSource !== 'function') {
      attach(panelSource);
      return Promise.resolve();
    }
    const retrying = state.kind === 'failed';
    const load = panelSource(options, locale).then(attach, (error: unknown) => {
      if (state.kind === 'destroyed') return;
      state = { kind: 'failed' };
      paint();
      emitter.emit('error', {
        code: 'PANEL_LOAD_FAILED',
        message: error instanceof Error ? error.message : String(error),
      });
    });
    state = { kind: 'loading', load };
    if (retrying) paint();
    return load;
  };
  const prefetch = () => void ensurePanel();

  function paint(): void {
    const ready = state.kind === 'ready' ? state : null;
    const value: WidgetContextValue = {
      store,
      // Null until the panel arrives; only panel components read it, and they render after that.
      conversation: ready?.conversation as BoundConversation,
      client: ready?.client as WidgetClient,
      t: ready?.panel.catalogueFor(locale) as WidgetContextValue['t'],
      locale,
      apiUrl: options.apiUrl,
      theme: resolveTheme(options.theme),
      position: options.position ?? 'bottom-right',
    };
    render(
      <WidgetContext.Provider value={value}>
        <App Panel={ready?.panel.Panel ?? null} loadFailed={state.kind === 'failed'} prefetch={prefetch} />
      </WidgetContext.Provider>,
      mountPoint,
    );
  }

  cleanups.push(
    store.subscribe((next, previous) => {
      if (next.open === previous.open) return;
      emitter.emit(next.open ? 'open' : 'close', undefined);
      if (next.open) {
        if (next.unseen) store.setState({ unseen: 0 });
        void ensurePanel().then(fetchQuotaOnce);
      }
    }),
  );
  paint();
  if (typeof panelSource !== 'function' || store.getState().open) prefetch();

  const ready = (async () => {
    const token = options.token ?? (await Promise.resolve(options.getToken?.()).catch(() => null));
    const brandKey = await brandId().catch(() => 'unknown-brand');
    // Read through a cast: TypeScript cannot see that destroy() or attach() may have run meanwhile.
    if ((state as PanelState).kind === 'destroyed') return;
    const key = storageKey(brandKey, userKeyFromToken(token), options.instanceId);
    const saved = loadConversation(key) ?? { messages: [], orders: {} };
    const welcome = { id: messageId(), type: 'bot' as const, line: 'welcome' as const };
    const isEmpty = saved.messages.length === 0 && store.getState().messages.length === 0;
    const restored = { messages: isEmpty ? [welcome] : saved.messages, orders: saved.orders };
    // Messages typed while restoring stay after the restored ones. Once the panel is bound, the
    // conversation engine owns the messages, so the restored ones go through it.
    const bound = state as PanelState;
    cleanups.push(persistConversation(store, key));
    if (bound.kind === 'ready') bound.conversation.restore(restored);
    else
      store.setState((s) => ({
        messages: [...restored.messages, ...s.messages],
        orders: { ...restored.orders, ...s.orders },
      }));
    once.restored = true;
    if (bound.kind === 'ready') return bound.conversation.resume();
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
    setToken(token) {
      clientOptions = { ...clientOptions, token, getToken: undefined };
      if (state.kind === 'ready') state.client.setToken(token);
    },
    on: (event, listener) => emitter.on(event, listener),
    ready,
    host,
    destroy() {
      if (state.kind === 'destroyed') return;
      if (state.kind === 'ready') state.conversation.dispose();
      state = { kind: 'destroyed' };
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
