import { type AlfieClientOptions, buildBaseClient } from './base-client.js';
import type { LibraryEntry, ListLibraryQuery, ListOrdersQuery, Order } from './contract/types.js';
import { createEventsHub, type OrderEventListener } from './observers/events-hub.js';
import { createMutation, type MutationObserver } from './observers/mutation.js';
import { createPager, type PagerObserver } from './observers/pager.js';
import { createQuotaObserver, type QuotaObserver } from './observers/quota.js';

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
  const quotaChangeListeners = new Set<() => void>();
  const { client, internals } = buildBaseClient(options, () => {
    for (const listener of [...quotaChangeListeners]) listener();
  });
  const subscribeEvents = createEventsHub(internals.transport, internals.live.maxFailures);
  const { orders, quotas, library } = client;

  return {
    ...client,
    orders: {
      ...orders,
      pager: (query: Omit<ListOrdersQuery, 'cursor'> = {}): PagerObserver<Order> =>
        createPager((cursor) => orders.list({ ...query, cursor })),
    },
    quotas: {
      ...quotas,
      /** The brand's quota as an observer, refetched after a generate, a cancel or an order's end. */
      observe: (brandId: string): QuotaObserver =>
        createQuotaObserver({
          fetchQuota: () => quotas.get(brandId),
          watchChanges(onChange) {
            quotaChangeListeners.add(onChange);
            const stopEvents = subscribeEvents((event) => event.type === 'end' && onChange());
            return () => {
              quotaChangeListeners.delete(onChange);
              stopEvents();
            };
          },
        }),
    },
    library: {
      ...library,
      pager: (query: Omit<ListLibraryQuery, 'cursor'> = {}): PagerObserver<LibraryEntry> =>
        createPager((cursor) => library.list({ ...query, cursor })),
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
