import type { OrderStatus } from '../contract/constants.js';
import type { Asset, OrderDetail, OrderItem } from '../contract/types.js';
import type { AnyAlfieError } from '../errors/guards.js';

export type WatchConnection = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'closed';

export interface WatchProgress {
  completed: number;
  expected: number;
  /** 0..1; counts a running item's partial progress (video renders report it). */
  ratio: number;
}

/** What `orders.watch()` observers see. Replaced, never mutated, on every change. */
export interface WatchSnapshot {
  orderId: string;
  /** Latest order detail known, with `status` kept current by live events. */
  order: OrderDetail | null;
  status: OrderStatus | null;
  /** Sorted by sequenceNumber. */
  items: OrderItem[];
  /** Sorted by slideIndex; one entry per asset, however many times it was announced. */
  assets: Asset[];
  progress: WatchProgress;
  connection: WatchConnection;
  error: AnyAlfieError | null;
  /** A terminal status was reached: the watcher stopped by itself. */
  done: boolean;
}

export interface WatchOptions {
  /** Closes this watcher (same as `close()`). */
  signal?: AbortSignal;
  /** Polling period when SSE is unavailable, in ms. Default 2000. */
  pollInterval?: number;
}

/** Live view of one order. Many watchers of one order share one connection. */
export interface OrderWatcher {
  /** Starts the connection on the first listener; it closes when the last listener of the order leaves. */
  subscribe(listener: () => void): () => void;
  getSnapshot(): WatchSnapshot;
  /** Removes this watcher's listeners; the shared connection closes with its last listener. */
  close(): void;
}
