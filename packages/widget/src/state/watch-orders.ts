import type { ConversationDeps } from './conversation.js';
import { toChatError } from './errors.js';
import { putOrder } from './store.js';
import type { Draft, OrderView } from './types.js';

/**
 * Live tracking of the orders of one widget: one core watcher per running order, mirrored into the
 * store. Every watcher is closed on `stopAll()` (destroy) or when its order ends.
 */
export function createOrderWatching(deps: ConversationDeps, signal: AbortSignal, onOrderEnded: () => void) {
  const { store, client, emitter, t } = deps;
  const stops = new Map<string, () => void>();

  function start(orderId: string, draft: Pick<Draft, 'format' | 'count'>): void {
    if (stops.has(orderId) || signal.aborted) return;
    const previous = store.getState().orders[orderId];
    const expectedDefault = draft.format === 'video' ? 1 : draft.count;
    if (!previous) {
      putOrder(store, {
        orderId,
        status: 'pending',
        assets: [],
        expected: expectedDefault,
        completed: 0,
        ratio: 0,
        done: false,
        reconnecting: false,
        failure: null,
      });
    }
    const watcher = client.orders.watch(orderId, { signal });
    let announcedAssets = previous?.assets.length ?? 0;

    const update = () => {
      const snap = watcher.getSnapshot();
      const before = store.getState().orders[orderId];
      const view: OrderView = {
        orderId,
        status: snap.status ?? before?.status ?? null,
        // A reconnecting watcher may briefly know less than what was stored before the reload.
        assets: snap.assets.length >= (before?.assets.length ?? 0) ? snap.assets : (before?.assets ?? []),
        expected: snap.progress.expected || before?.expected || expectedDefault,
        completed: snap.progress.completed,
        ratio: snap.progress.ratio,
        done: snap.done,
        reconnecting: snap.connection === 'reconnecting',
        // A watcher that gave up (token expired, order gone) says why; a finished one has no failure.
        failure: snap.connection === 'closed' && !snap.done && snap.error ? toChatError(snap.error) : null,
      };
      putOrder(store, view);
      if (view.assets.length > announcedAssets && !snap.done) {
        announcedAssets = view.assets.length;
        const announcement =
          draft.format === 'video'
            ? t.videoProgress(Math.round(view.ratio * 100))
            : t.slideReady(view.assets.length, view.expected);
        store.setState({ announcement });
      }
      if (view.failure) stop(orderId);
      if (snap.done) {
        stop(orderId);
        announceEnd(view, snap.order);
      }
    };

    function announceEnd(view: OrderView, order: ReturnType<typeof watcher.getSnapshot>['order']): void {
      if (view.status === 'completed') {
        emitter.emit('order:completed', { orderId, order });
        const line =
          draft.format === 'image' && view.expected > 1 ? t.multiDone(view.expected) : t.done[draft.format];
        store.setState({ announcement: line });
      } else {
        emitter.emit('order:failed', { orderId, status: view.status, order });
        store.setState({
          announcement: view.status === 'partial' ? t.partial(view.completed, view.expected) : t.failed,
        });
      }
      onOrderEnded();
    }

    const unsubscribe = watcher.subscribe(update);
    stops.set(orderId, () => {
      unsubscribe();
      watcher.close();
    });
    update();
  }

  function stop(orderId: string): void {
    const stopWatching = stops.get(orderId);
    stops.delete(orderId);
    stopWatching?.();
  }

  return {
    start,
    resume(): void {
      const { messages, orders } = store.getState();
      for (const message of messages) {
        if (message.type === 'order' && orders[message.orderId] && !orders[message.orderId]?.done) {
          start(message.orderId, message.draft);
        }
      }
    },
    stopAll(): void {
      for (const orderId of [...stops.keys()]) stop(orderId);
    },
  };
}
