import { OrderWatch, type OrderWatchConfig } from './order-watch.js';
import type { OrderWatcher, WatchOptions, WatchSnapshot } from './types.js';

interface Entry {
  watch: OrderWatch;
  listeners: number;
}

/**
 * Hands out watchers for `createAlfieClient`; all watchers of one order id share one OrderWatch (one
 * connection). Unlike `createWatchRegistry` (which keeps an order until its last watcher is closed),
 * an entry is kept only while someone listens: React creates watchers during render and only ever
 * unsubscribes, so counting handles would pin every order a long-lived app has shown.
 *
 * An entry is forgotten one tick after its last listener leaves (or after its creation, if nobody
 * subscribes), so StrictMode's unsubscribe/resubscribe keeps the same connection. A watcher that
 * subscribes after its entry was forgotten registers it again, state and all.
 */
export function createObservedWatchRegistry(config: OrderWatchConfig) {
  const shared = new Map<string, Entry>();

  const forgetSoon = (orderId: string, entry: Entry) =>
    setTimeout(() => {
      if (entry.listeners === 0 && shared.get(orderId) === entry) shared.delete(orderId);
    }, 0);

  /** The order's registered entry; registers `known` (or a new one) when there is none. */
  const register = (orderId: string, known: Entry | null, pollInterval?: number): Entry => {
    let entry = shared.get(orderId);
    if (!entry) {
      entry = known ?? {
        watch: new OrderWatch(orderId, { ...config, pollInterval: pollInterval ?? config.pollInterval }),
        listeners: 0,
      };
      shared.set(orderId, entry);
    }
    return entry;
  };

  return function watch(orderId: string, options: WatchOptions = {}): OrderWatcher {
    let entry = register(orderId, null, options.pollInterval);
    forgetSoon(orderId, entry); // a watcher nobody subscribes to must not pin its order
    const stops = new Set<() => void>();
    let closedSnapshot: WatchSnapshot | null = null;

    const close = () => {
      if (closedSnapshot) return;
      closedSnapshot = Object.freeze({ ...entry.watch.store.get(), connection: 'closed' as const });
      for (const stop of [...stops]) stop();
    };
    if (options.signal?.aborted) close();
    else options.signal?.addEventListener('abort', close, { once: true });

    return {
      subscribe(listener) {
        if (closedSnapshot) return () => {};
        // Joins whichever OrderWatch the order has now, or re-registers this one if it was forgotten.
        const current = register(orderId, entry);
        entry = current;
        current.listeners++;
        const unsubscribe = current.watch.store.subscribe(listener);
        const stop = () => {
          if (!stops.delete(stop)) return;
          unsubscribe();
          if (--current.listeners === 0) forgetSoon(orderId, current);
        };
        stops.add(stop);
        return stop;
      },
      getSnapshot: () => closedSnapshot ?? entry.watch.store.get(),
      close,
    };
  };
}
