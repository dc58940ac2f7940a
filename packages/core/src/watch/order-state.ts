import { isTerminalOrderStatus, type OrderStatus } from '../contract/constants.js';
import type { Asset, OrderDetail, OrderEvent, OrderItem } from '../contract/types.js';
import type { WatchProgress } from './types.js';

/**
 * What a watcher knows about an order, merged from GET /v1/orders/:id and SSE events in any order.
 * Every merge is monotonic (statuses never go back, assets are keyed by id), so a replayed event or a
 * stale GET cannot undo newer news or duplicate a slide.
 */
export interface OrderState {
  order: OrderDetail | null;
  status: OrderStatus | null;
  items: Map<string, OrderItem>;
  assets: Map<string, Asset>;
  itemProgress: Map<string, number>;
  expected: number;
  completed: number;
}

const STATUS_RANK: Record<string, number> = { pending: 0, processing: 1 };
const rank = (status: string) => STATUS_RANK[status] ?? 2;
const ITEM_RANK: Record<string, number> = { pending: 0, running: 1 };
const itemRank = (status: string) => ITEM_RANK[status] ?? 2;

export function emptyOrderState(): OrderState {
  return {
    order: null,
    status: null,
    items: new Map(),
    assets: new Map(),
    itemProgress: new Map(),
    expected: 0,
    completed: 0,
  };
}

function mergeStatus(state: OrderState, status: OrderStatus): void {
  if (state.status === null || rank(status) > rank(state.status)) state.status = status;
  else if (rank(status) === 2 && rank(state.status) === 2) state.status = status; // terminal correction (partial vs completed)
}

function mergeItem(state: OrderState, item: OrderItem): void {
  const known = state.items.get(item.id);
  if (!known || itemRank(item.status) > itemRank(known.status) || item.updatedAt > known.updatedAt) {
    state.items.set(item.id, item);
  }
}

export function applyDetail(state: OrderState, detail: OrderDetail): void {
  state.order = detail;
  mergeStatus(state, detail.status);
  for (const item of detail.items) mergeItem(state, item);
  for (const asset of detail.assets) if (!state.assets.has(asset.id)) state.assets.set(asset.id, asset);
  state.expected = detail.expectedTotal || state.expected;
  state.completed = Math.max(state.completed, detail.completedCount);
}

export function applyEvent(state: OrderState, event: OrderEvent): void {
  if (event.type === 'status') mergeStatus(state, event.status);
  else if (event.type === 'item') mergeItem(state, event.item);
  else if (event.type === 'asset') {
    if (!state.assets.has(event.asset.id)) state.assets.set(event.asset.id, event.asset);
  } else if (event.type === 'progress') {
    // Accept 0..1 or a percentage.
    state.itemProgress.set(event.itemId, event.progress > 1 ? event.progress / 100 : event.progress);
  } else if (event.type === 'end') {
    mergeStatus(state, event.status);
    state.expected = event.expectedTotal || state.expected;
    state.completed = Math.max(state.completed, event.completedCount);
  }
}

const bySlide = (a: Asset, b: Asset) =>
  (a.slideIndex ?? Number.MAX_SAFE_INTEGER) - (b.slideIndex ?? Number.MAX_SAFE_INTEGER) ||
  a.createdAt.localeCompare(b.createdAt);

export function orderView(state: OrderState) {
  const items = [...state.items.values()].sort((a, b) => a.sequenceNumber - b.sequenceNumber);
  const assets = [...state.assets.values()].sort(bySlide);
  const done = state.status !== null && isTerminalOrderStatus(state.status);
  const completedItems = items.filter((item) => item.status === 'completed').length;
  // An asset may arrive before its item's `completed` event: a delivered file counts as done.
  const completed = Math.max(state.completed, completedItems, assets.length);
  const expected = state.expected || state.order?.count || items.length;
  let partial = 0;
  for (const item of items) if (item.status === 'running') partial += state.itemProgress.get(item.id) ?? 0;
  const ratio = done ? 1 : expected > 0 ? Math.min(1, (completed + partial) / expected) : 0;
  const progress: WatchProgress = { completed, expected, ratio };
  // The order as last fetched, brought up to date with what the events said since.
  const order = state.order && {
    ...state.order,
    status: state.status ?? state.order.status,
    items,
    assets,
    completedCount: completed,
  };
  return { order, status: state.status, items, assets, progress, done };
}

const sameArray = (a: unknown, b: unknown) =>
  Array.isArray(a) &&
  Array.isArray(b) &&
  a.length === b.length &&
  a.every((value, index) => value === b[index]);

/**
 * True when `next` shows nothing new: items and assets keep their identity while unchanged (merges
 * only replace what changed), `order` and `progress` are compared by content. A poll that learns
 * nothing must not wake every subscriber (useSyncExternalStore re-renders on a new snapshot).
 */
export function sameSnapshot<S extends object>(previous: S, next: S): boolean {
  return (Object.keys(next) as Array<keyof S>).every((key) => {
    const a = previous[key];
    const b = next[key];
    if (a === b || sameArray(a, b)) return true;
    return (key === 'order' || key === 'progress') && JSON.stringify(a) === JSON.stringify(b);
  });
}
