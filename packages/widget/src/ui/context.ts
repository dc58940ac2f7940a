import { createContext } from 'preact';
import { useContext, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { Catalogue, Locale } from '../i18n/index.js';
import type { WidgetClient } from '../state/client-types.js';
import type { BoundConversation } from '../state/conversation-binding.js';
import type { WidgetStore } from '../state/store.js';
import type { WidgetState } from '../state/types.js';

export interface WidgetContextValue {
  store: WidgetStore;
  conversation: BoundConversation;
  /** For the download buttons: files come through the API, authenticated, with their names. */
  client: WidgetClient;
  t: Catalogue;
  locale: Locale;
  /** Base URL relative asset URLs are resolved against. */
  apiUrl: string;
  theme: 'light' | 'dark';
  position: 'bottom-right' | 'bottom-left';
}

export const WidgetContext = createContext<WidgetContextValue>(null as never);

export function useWidget(): WidgetContextValue {
  return useContext(WidgetContext);
}

/**
 * zustand/vanilla bound to Preact without preact/compat: re-render only when the selected slice
 * changes (Object.is), like zustand's own `useStore`.
 */
export function useWidgetState<T>(selector: (state: WidgetState) => T): T {
  const { store } = useWidget();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const selected = selector(store.getState());
  const latest = useRef({ selector, selected });
  latest.current = { selector, selected };
  useLayoutEffect(() => {
    const check = () => {
      const { selector: select, selected: shown } = latest.current;
      if (!Object.is(select(store.getState()), shown)) rerender(0);
    };
    check(); // The store may have changed between render and subscription.
    return store.subscribe(check);
  }, [store]);
  return selected;
}
