import { idleWatcher, type WatchSnapshot } from '@alfie/core';
import { useMemo, useSyncExternalStore } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useOnceWhenDone } from './useOnceWhenDone.js';

export interface UseOrderOptions {
  /** Called once when the order ends (completed, partial, failed or canceled), with its final state. */
  onCompleted?: (snapshot: WatchSnapshot) => void;
  /** `false` keeps the hook idle (no connection). Default true. */
  enabled?: boolean;
}

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
  // No close() on unmount: core forgets an order once nobody listens (StrictMode re-subscribes).
  const watcher = useMemo(() => (orderId ? client.orders.watch(orderId) : idleWatcher), [client, orderId]);
  const enabled = options.enabled !== false;
  const subscribe = useMemo(() => (enabled ? watcher.subscribe : noSubscription), [watcher, enabled]);
  const snapshot = useSyncExternalStore(subscribe, watcher.getSnapshot, watcher.getSnapshot);

  useOnceWhenDone(snapshot, options.onCompleted);
  return snapshot;
}
