import type { Page } from '../contract/types.js';
import type { AnyAlfieError } from '../errors/guards.js';
import { isAlfieError } from '../errors/guards.js';
import { Store } from './store.js';

export interface PagerSnapshot<T> {
  items: T[];
  status: 'idle' | 'loading' | 'success' | 'error';
  error: AnyAlfieError | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
}

/** Cursor pagination as an observer: loads the first page on the first subscribe. */
export interface PagerObserver<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): PagerSnapshot<T>;
  /** Loads the next page (or the first one if nothing is loaded yet). */
  fetchNextPage(): Promise<void>;
  /** Drops the pages and loads the first one again. */
  refresh(): Promise<void>;
}

export interface PagerOptions {
  /**
   * Keep the list current while someone listens: reload the first page when one of the caller's
   * orders ends (over the client's shared `GET /v1/events` stream). Default false.
   */
  live?: boolean;
}

/**
 * @param watchChanges In live mode: calls back when the list may have changed; returns the unsubscribe.
 */
export function createPager<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  watchChanges?: ((onChange: () => void) => () => void) | false,
): PagerObserver<T> {
  let cursor: string | undefined;
  let generation = 0;
  let inFlight: Promise<void> | null = null;
  let stopWatching: (() => void) | null = null;
  const store = new Store<PagerSnapshot<T>>(
    { items: [], status: 'idle', error: null, hasNextPage: false, isFetchingNextPage: false },
    (count) => {
      if (count > 0 && store.get().status === 'idle') void load(true);
      if (count > 0 && watchChanges && !stopWatching) stopWatching = watchChanges(() => void load(true));
      else if (count === 0 && stopWatching) {
        stopWatching();
        stopWatching = null;
      }
    },
  );

  function load(first: boolean): Promise<void> {
    const current = first ? ++generation : generation;
    if (first) cursor = undefined;
    store.set(first ? { status: 'loading', error: null } : { isFetchingNextPage: true, error: null });
    const task = fetchPage(cursor).then(
      (page) => {
        if (current !== generation) return;
        cursor = page.nextCursor ?? undefined;
        const items = first ? page.data : [...store.get().items, ...page.data];
        store.set({
          items,
          status: 'success',
          hasNextPage: page.nextCursor != null,
          isFetchingNextPage: false,
        });
      },
      (error: unknown) => {
        if (current !== generation) return;
        store.set({ status: 'error', error: isAlfieError(error) ? error : null, isFetchingNextPage: false });
      },
    );
    const tracked = task.finally(() => {
      if (inFlight === tracked) inFlight = null;
    });
    inFlight = tracked;
    return tracked;
  }

  return {
    subscribe: store.subscribe,
    getSnapshot: store.get,
    fetchNextPage() {
      const { status, hasNextPage, items } = store.get();
      if (inFlight) return inFlight;
      if (status === 'idle' || (status === 'error' && items.length === 0)) return load(true);
      return hasNextPage || status === 'error' ? load(false) : Promise.resolve();
    },
    refresh: () => load(true),
  };
}
