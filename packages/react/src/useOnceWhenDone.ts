import type { WatchSnapshot } from '@alfie/core';
import { useEffect, useRef } from 'react';

/**
 * Calls `callback` (its latest version) once per order, when the order reaches a terminal status.
 * Internal to `useOrder`. It runs in an effect, after the render that shows the final state.
 */
export function useOnceWhenDone(
  snapshot: WatchSnapshot,
  callback: ((snapshot: WatchSnapshot) => void) | undefined,
): void {
  const latest = useRef(callback);
  latest.current = callback;
  const calledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!snapshot.done || calledFor.current === snapshot.orderId) return;
    calledFor.current = snapshot.orderId;
    latest.current?.(snapshot);
  }, [snapshot]);
}
