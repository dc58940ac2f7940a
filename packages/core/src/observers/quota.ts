import type { Quota } from '../contract/types.js';
import type { AnyAlfieError } from '../errors/guards.js';
import { isAlfieError } from '../errors/guards.js';
import { Store } from './store.js';

export interface QuotaSnapshot {
  quota: Quota | null;
  status: 'idle' | 'loading' | 'success' | 'error';
  error: AnyAlfieError | null;
}

/** A brand's quota, kept fresh: loads on the first subscribe and refetches when an order ends. */
export interface QuotaObserver {
  subscribe(listener: () => void): () => void;
  getSnapshot(): QuotaSnapshot;
  refresh(): Promise<void>;
  /** Stops listening for order ends and drops the listeners. */
  close(): void;
}

export interface QuotaObserverDeps {
  fetchQuota(): Promise<Quota>;
  /** Calls back when something may have changed the quota; returns the unsubscribe. */
  watchChanges(onChange: () => void): () => void;
}

export function createQuotaObserver({ fetchQuota, watchChanges }: QuotaObserverDeps): QuotaObserver {
  let stopWatching: (() => void) | null = null;
  let request = 0;
  const unsubscribers = new Set<() => void>();
  const store = new Store<QuotaSnapshot>({ quota: null, status: 'idle', error: null }, (count) => {
    if (count > 0 && !stopWatching) {
      stopWatching = watchChanges(() => void refresh());
      void refresh();
    } else if (count === 0) {
      stopWatching?.();
      stopWatching = null;
    }
  });

  async function refresh(): Promise<void> {
    const current = ++request;
    // Keep showing the last quota while reloading.
    if (!store.get().quota) store.set({ status: 'loading' });
    try {
      const quota = await fetchQuota();
      if (current !== request) return;
      // Same numbers: keep the snapshot (and its identity) so subscribers are not woken for nothing.
      const same = JSON.stringify(quota) === JSON.stringify(store.get().quota);
      store.set({ quota: same ? store.get().quota : quota, status: 'success', error: null });
    } catch (error) {
      if (current === request) store.set({ status: 'error', error: isAlfieError(error) ? error : null });
    }
  }

  return {
    subscribe(listener) {
      const unsubscribe = store.subscribe(listener);
      unsubscribers.add(unsubscribe);
      return () => {
        unsubscribers.delete(unsubscribe);
        unsubscribe();
      };
    },
    getSnapshot: store.get,
    refresh,
    close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      unsubscribers.clear();
    },
  };
}
