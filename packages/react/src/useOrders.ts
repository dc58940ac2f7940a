import type { ListOrdersQuery, Order, PagerSnapshot } from '@alfie/core';
import { useMemo } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useObserver } from './useObserver.js';

export type UseOrdersQuery = Omit<ListOrdersQuery, 'cursor'> & {
  /** Reload the first page after a generate or cancel and whenever one of the caller's orders ends. Default true. */
  live?: boolean;
};

export interface UsePagerResult<T> extends PagerSnapshot<T> {
  /** Appends the next page (the first one if nothing is loaded). */
  fetchNextPage(): Promise<void>;
  /** Reloads from the first page. */
  refresh(): Promise<void>;
}

/**
 * The caller's orders, newest first, page by page (`client.orders.pager`). The first page loads when
 * the component mounts, and loads again when an order is placed or ends (`live: false` turns that
 * off). Pair it with `useOrder(order.id)` for live progress on each row.
 *
 * @example
 * const { items, hasNextPage, fetchNextPage, isFetchingNextPage } = useOrders({ brandId });
 */
export function useOrders(query: UseOrdersQuery = {}): UsePagerResult<Order> {
  const client = useAlfieClient();
  const { brandId, status, limit, live = true } = query;
  const pager = useMemo(
    () => client.orders.pager({ brandId, status, limit }, { live }),
    [client, brandId, status, limit, live],
  );
  const snapshot = useObserver(pager);
  return useMemo(
    () => ({ ...snapshot, fetchNextPage: pager.fetchNextPage, refresh: pager.refresh }),
    [snapshot, pager],
  );
}
