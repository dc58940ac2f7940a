import { OrderWatch, type OrderWatchConfig } from './order-watch.js';
import type { OrderWatcher, WatchOptions, WatchSnapshot } from './types.js';

/**
 * Hands out watchers for `createAlfieBaseClient`; all watchers of one order id share one OrderWatch
 * (one connection). An OrderWatch is forgotten when its last watcher closes, so callers must close()
 * (the widget does). `createAlfieClient` uses `createObservedWatchRegistry`, which forgets an order
 * once nobody listens; this one stays as it was so the widget's bundle does not change.
 */
export function createWatchRegistry(
  config: Omit<OrderWatchConfig, 'pollInterval'> & { pollInterval: number },
) {
  const shared = new Map<string, { watch: OrderWatch; handles: number }>();

  return function watch(orderId: string, options: WatchOptions = {}): OrderWatcher {
    let entry = shared.get(orderId);
    if (!entry) {
      entry = {
        watch: new OrderWatch(orderId, {
          ...config,
          pollInterval: options.pollInterval ?? config.pollInterval,
        }),
        handles: 0,
      };
      shared.set(orderId, entry);
    }
    const current = entry;
    current.handles++;
    const unsubscribers = new Set<() => void>();
    let closedSnapshot: WatchSnapshot | null = null;

    const close = () => {
      if (closedSnapshot) return;
      closedSnapshot = Object.freeze({ ...current.watch.store.get(), connection: 'closed' as const });
      for (const unsubscribe of unsubscribers) unsubscribe();
      unsubscribers.clear();
      if (--current.handles === 0) {
        current.watch.stop();
        if (shared.get(orderId) === current) shared.delete(orderId);
      }
    };
    if (options.signal?.aborted) close();
    else options.signal?.addEventListener('abort', close, { once: true });

    return {
      subscribe(listener) {
        if (closedSnapshot) return () => {};
        const unsubscribe = current.watch.store.subscribe(listener);
        unsubscribers.add(unsubscribe);
        return () => {
          unsubscribers.delete(unsubscribe);
          unsubscribe();
        };
      },
      getSnapshot: () => closedSnapshot ?? current.watch.store.get(),
      close,
    };
  };
}
