import type { OrderWatcher, WatchSnapshot } from '@alfie/core';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useOnceWhenDone } from './useOnceWhenDone.js';

export interface UseOrderOptions {
  /** Called once when the order ends (completed, partial, failed or canceled), with its final state. */
  onCompleted?: (snapshot: WatchSnapshot) => void;
  /** `false` keeps the hook idle (no connection). Default true. */
  enabled?: boolean;
}

/** What `useOrder(null)` returns: nothing to watch. */
const NO_ORDER: WatchSnapshot = Object.freeze({
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

const noSubscription = () => () => {};

/**
 * Follows one order live (`client.orders.watch`): status, items, assets sorted by slide, progress,
 * connection state and error. Components watching the same order share one connection, which opens
 * with the first of them and closes after the last unmounts or once the order ends.
 *
 * @example
 * const { status, assets, progress } = useOrder(orderId, { onCompleted: () => toast('Ready!') });
 * return <progress value={progress.ratio} />;
 */
export function useOrder(orderId: string | null | undefined, options: UseOrderOptions = {}): WatchSnapshot {
  const client = useAlfieClient();
  // Creating a watcher opens nothing: core connects on the first subscriber, so render stays pure.
  const watcher: OrderWatcher | null = useMemo(
    () => (orderId ? client.orders.watch(orderId) : null),
    [client, orderId],
  );
  const enabled = options.enabled !== false;

  const subscribe = useCallback(
    (onChange: () => void) => (watcher && enabled ? watcher.subscribe(onChange) : noSubscription()),
    [watcher, enabled],
  );
  const getSnapshot = useCallback(() => (watcher ? watcher.getSnapshot() : NO_ORDER), [watcher]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);

  useOnceWhenDone(snapshot, options.onCompleted);
  return snapshot;
}
