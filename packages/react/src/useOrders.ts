import type { ListOrdersQuery, Order, PagerSnapshot } from '@alfie/core';
import { useMemo } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useObserver } from './useObserver.js';

export type UseOrdersQuery = Omit<ListOrdersQuery, 'cursor'>;

export interface UsePagerResult<T> extends PagerSnapshot<T> {
  /** Appends the next page (the first one if nothing is loaded). */
  fetchNextPage(): Promise<void>;
  /** Reloads from the first page. */
  refresh(): Promise<void>;
}

/**
 * The caller's orders, newest first, page by page (`client.orders.pager`). The first page loads when
 * the component mounts. Pair it with `useOrder(order.id)` for live progress on each row.
 *
 * @example
 * const { items, hasNextPage, fetchNextPage, isFetchingNextPage } = useOrders({ brandId });
 */
export function useOrders(query: UseOrdersQuery = {}): UsePagerResult<Order> {
  const client = useAlfieClient();
  const { brandId, status, limit } = query;
  const pager = useMemo(
    () => client.orders.pager({ brandId, status, limit }),
    [client, brandId, status, limit],
  );
  const snapshot = useObserver(pager);
  return useMemo(
    () => ({ ...snapshot, fetchNextPage: pager.fetchNextPage, refresh: pager.refresh }),
    [snapshot, pager],
  );
}
