import type { OrderWatcher, WatchSnapshot } from '../watch/types.js';
import { toChatError } from './chat-error.js';
import type { OrderView } from './messages.js';

export const pendingView = (orderId: string, expected: number): OrderView => ({
  orderId,
  status: 'pending',
  assets: [],
  expected,
  completed: 0,
  ratio: 0,
  done: false,
  reconnecting: false,
  failure: null,
});

/** A watcher's snapshot as the conversation keeps it; what was known before a reload is never lost. */
export function viewOf(snap: WatchSnapshot, before: OrderView): OrderView {
  return {
    ...before,
    status: snap.status ?? before.status,
    // A reconnecting watcher may briefly know less than what was stored before the reload.
    assets: snap.assets.length >= before.assets.length ? snap.assets : before.assets,
    expected: snap.progress.expected || before.expected,
    completed: Math.max(snap.progress.completed, snap.done ? 0 : before.completed),
    ratio: snap.progress.ratio,
    done: snap.done,
    // Polling is a degraded connection too: the user is told until the stream is back.
    reconnecting: snap.connection === 'reconnecting' || snap.connection === 'polling',
    failure: snap.connection === 'closed' && !snap.done && snap.error ? toChatError(snap.error) : null,
  };
}

export type { OrderWatcher };
