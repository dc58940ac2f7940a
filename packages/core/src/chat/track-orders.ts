import type { OrderDetail } from '../contract/types.js';
import type { OrderWatcher } from '../watch/types.js';
import type { OrderView } from './messages.js';
import { pendingView, viewOf } from './order-views.js';

export interface TrackDeps {
  watch(orderId: string, options: { signal: AbortSignal }): OrderWatcher;
  getView(orderId: string): OrderView | undefined;
  putView(view: OrderView): void;
  /** After each change; `ended` once, when the order reached its final status. */
  onChange(view: OrderView, ended: boolean, order: OrderDetail | null): void;
}

/**
 * The live state of the orders a conversation started: one core watcher per running order (the
 * client shares one connection per order), mirrored into the conversation's snapshot, closed when
 * the order ends or the conversation is disposed.
 */
export function trackOrders(deps: TrackDeps, signal: AbortSignal) {
  const stops = new Map<string, () => void>();

  function stop(orderId: string): void {
    const stopWatching = stops.get(orderId);
    stops.delete(orderId);
    stopWatching?.();
  }

  function start(orderId: string, expected: number): void {
    if (stops.has(orderId) || signal.aborted) return;
    if (!deps.getView(orderId)) deps.putView(pendingView(orderId, expected));
    const watcher = deps.watch(orderId, { signal });
    const update = () => {
      const before = deps.getView(orderId) ?? pendingView(orderId, expected);
      const snap = watcher.getSnapshot();
      const view = viewOf(snap, before);
      deps.putView(view);
      if (view.failure || view.done) stop(orderId);
      deps.onChange(view, view.done, snap.order);
    };
    const unsubscribe = watcher.subscribe(update);
    stops.set(orderId, () => {
      unsubscribe();
      watcher.close();
    });
    update();
  }

  return {
    start,
    stop,
    /** An order changed outside the live stream (canceled or redone through the API). */
    apply(detail: OrderDetail): OrderView {
      const before = deps.getView(detail.id) ?? pendingView(detail.id, detail.expectedTotal);
      const view: OrderView = {
        ...before,
        status: detail.status,
        assets: detail.assets,
        expected: detail.expectedTotal || before.expected,
        completed: detail.completedCount,
        done: ['completed', 'partial', 'failed', 'canceled'].includes(detail.status),
        reconnecting: false,
        failure: null,
        redoing: undefined,
      };
      deps.putView(view);
      return view;
    },
    stopAll(): void {
      for (const orderId of [...stops.keys()]) stop(orderId);
    },
  };
}
