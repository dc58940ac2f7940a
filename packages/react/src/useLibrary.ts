import type { LibraryEntry, ListLibraryQuery } from '@alfie/core';
import { useMemo } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useObserver } from './useObserver.js';
import type { UsePagerResult } from './useOrders.js';

export type UseLibraryQuery = Omit<ListLibraryQuery, 'cursor'> & {
  /** Reload the first page whenever one of the caller's orders ends. Default true. */
  live?: boolean;
};

/**
 * The caller's delivered visuals, one entry per order (a carousel's slides stay together, sorted),
 * page by page (`client.library.pager`). Filter by `brandId`, `type` (image, carousel, video) or `orderId`.
 * New visuals show up by themselves when an order ends (`live: false` turns that off).
 *
 * @example
 * const { items, hasNextPage, fetchNextPage } = useLibrary({ brandId, type: 'carousel' });
 * items.map((entry) => <Carousel key={entry.orderId} slides={entry.assets} />);
 */
export function useLibrary(query: UseLibraryQuery = {}): UsePagerResult<LibraryEntry> {
  const client = useAlfieClient();
  const { brandId, type, orderId, limit, live = true } = query;
  const pager = useMemo(
    () => client.library.pager({ brandId, type, orderId, limit }, { live }),
    [client, brandId, type, orderId, limit, live],
  );
  const snapshot = useObserver(pager);
  return useMemo(
    () => ({ ...snapshot, fetchNextPage: pager.fetchNextPage, refresh: pager.refresh }),
    [snapshot, pager],
  );
}
