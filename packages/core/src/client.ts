import { type AlfieClientOptions, buildBaseClient } from './base-client.js';
import type { LibraryEntry, ListLibraryQuery, ListOrdersQuery, Order } from './contract/types.js';
import { createEventsHub, type OrderEventListener } from './observers/events-hub.js';
import { createMutation, type MutationObserver } from './observers/mutation.js';
import { createPager, type PagerObserver, type PagerOptions } from './observers/pager.js';
import { createQuotaObserver, type QuotaObserver } from './observers/quota.js';
import { createVariantsObserver, type VariantsObserver } from './observers/variants.js';
import { followShared } from './watch/follow-shared.js';
import { createObservedWatchRegistry } from './watch/observed-watch-registry.js';

export type { AlfieClientOptions, GenerateOptions } from './base-client.js';

/**
 * Creates a typed Alfie client. Nothing touches `window`, so it is safe to create during SSR.
 *
 * @example
 * const client = createAlfieClient({ baseUrl: 'http://localhost:8787', token });
 * const { orderId } = await client.generate({ format: 'carousel', count: 5, topic: 'Tendances 2025', brandId });
 * const watcher = client.orders.watch(orderId);
 * watcher.subscribe(() => console.log(watcher.getSnapshot().assets.map((a) => a.url)));
 */
export function createAlfieClient(options: AlfieClientOptions) {
  // Called after a generate or a cancel through this client, and when one of its watched orders ends.
  const localChangeListeners = new Set<() => void>();
  // One shared /v1/events stream: order watchers, pagers and quota observers all listen there.
  const { client, internals } = buildBaseClient(
    options,
    createObservedWatchRegistry,
    () => {
      for (const listener of [...localChangeListeners]) listener();
    },
    createEventsHub,
    followShared,
  );
  const subscribeEvents =
    internals.events ?? createEventsHub(internals.transport, internals.live.maxFailures);
  const { orders, quotas, library } = client;
  /** Calls back when one of the caller's orders ends (and, with `local`, after this client's own changes). */
  const watchChanges = (local: boolean) => (onChange: () => void) => {
    if (local) localChangeListeners.add(onChange);
    const stopEvents = subscribeEvents((event) => event.type === 'end' && onChange());
    return () => {
      localChangeListeners.delete(onChange);
      stopEvents();
    };
  };

  return {
    ...client,
    orders: {
      ...orders,
      /** With `{ live: true }`, reloads the first page after a generate or cancel and when an order ends. */
      pager: (query: Omit<ListOrdersQuery, 'cursor'> = {}, opts: PagerOptions = {}): PagerObserver<Order> =>
        createPager((cursor) => orders.list({ ...query, cursor }), opts.live && watchChanges(true)),
    },
    quotas: {
      ...quotas,
      /** The brand's quota as an observer, refetched after a generate, a cancel or an order's end. */
      observe: (brandId: string): QuotaObserver =>
        createQuotaObserver({ fetchQuota: () => quotas.get(brandId), watchChanges: watchChanges(true) }),
    },
    library: {
      ...library,
      /** With `{ live: true }`, reloads the first page when one of the caller's orders ends. */
      pager: (
        query: Omit<ListLibraryQuery, 'cursor'> = {},
        opts: PagerOptions = {},
      ): PagerObserver<LibraryEntry> =>
        createPager((cursor) => library.list({ ...query, cursor }), opts.live && watchChanges(false)),
    },
    variants: {
      ...client.variants,
      /** The order's variants as an observer: loads on the first subscribe; `choose` and `report` update it. */
      observe: (orderId: string): VariantsObserver =>
        createVariantsObserver({
          get: () => client.variants.get(orderId),
          choose: (variant) => client.variants.choose(orderId, variant),
          report: (counts) => client.variants.report(orderId, counts),
        }),
    },
    events: {
      /** Every event of the caller's orders over one shared `GET /v1/events` stream. */
      subscribe: (listener: OrderEventListener, opts?: { signal?: AbortSignal }) =>
        subscribeEvents(listener, opts),
    },
    /** Wraps any async action as an observer for UIs: idle → submitting → success | error. */
    mutation: <TArgs extends unknown[], TData>(
      fn: (...args: TArgs) => Promise<TData>,
    ): MutationObserver<TArgs, TData> => createMutation(fn),
  };
}

export type AlfieClient = ReturnType<typeof createAlfieClient>;
