import type { OrderWatcher, WatchSnapshot } from '../watch/types.js';
import type { QuotaObserver, QuotaSnapshot } from './quota.js';

// Stand-ins for "nothing to observe yet" (no order id, no brand), so UI bindings can always hand
// useSyncExternalStore an observer instead of branching. `@__PURE__` keeps them out of bundles that
// do not use them.

const noop = () => {};

/** The snapshot of a watcher with no order: nothing known, no connection. */
export const idleWatchSnapshot: WatchSnapshot = /* @__PURE__ */ Object.freeze({
  orderId: '',
  order: null,
  status: null,
  items: [],
  assets: [],
  progress: { completed: 0, expected: 0, ratio: 0 },
  connection: 'closed',
  error: null,
  done: false,
});

/**
 * A watcher that never connects and always shows `idleWatchSnapshot`.
 *
 * @example
 * const watcher = orderId ? client.orders.watch(orderId) : idleWatcher;
 */
export const idleWatcher: OrderWatcher = {
  subscribe: () => noop,
  getSnapshot: () => idleWatchSnapshot,
  close: noop,
};

/** The snapshot of a quota observer with no brand: nothing loaded. */
export const idleQuotaSnapshot: QuotaSnapshot = /* @__PURE__ */ Object.freeze({
  quota: null,
  status: 'idle',
  error: null,
});

/**
 * A quota observer that never loads and always shows `idleQuotaSnapshot`.
 *
 * @example
 * const observer = brandId ? client.quotas.observe(brandId) : idleQuotaObserver;
 */
export const idleQuotaObserver: QuotaObserver = {
  subscribe: () => noop,
  getSnapshot: () => idleQuotaSnapshot,
  refresh: async () => {},
  close: noop,
};
