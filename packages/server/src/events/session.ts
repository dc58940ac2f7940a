import type { OrderEvent } from '@alfie/core/contract';
import type { SSEStreamingApi } from 'hono/streaming';
import type { Db } from '../db/types.js';
import { LIST_ORDER_EVENTS_AFTER } from '../sql/events/list-order-events-after.js';
import { LIST_USER_EVENTS_AFTER } from '../sql/events/list-user-events-after.js';
import type { OrderEventHub } from './hub.js';
import type { StoredOrderEvent } from './types.js';

const REPLAY_PAGE = 500;

export interface SessionOptions {
  db: Db;
  hub: OrderEventHub;
  stream: SSEStreamingApi;
  userId: string;
  /** Per-order stream when set; every order of the user otherwise. */
  orderId: string | null;
  /** Events with an id above this are sent (Last-Event-ID). */
  after: number;
  /** Filters events of the user stream (a token restricted to some brands). */
  accept?: (event: StoredOrderEvent) => Promise<boolean>;
  heartbeatMs: number;
  /** Per-order stream: what to send when the order has ended but its `end` was not replayed. */
  finalState?: () => Promise<OrderEvent[] | null>;
  /** Called after each event written to the client (metrics: alfie_sse_events_sent_total). */
  onSent?: () => void;
}

interface ReplayRow {
  id: number;
  order_id: string;
  type: StoredOrderEvent['type'];
  data: OrderEvent;
}

/**
 * One SSE connection. It subscribes to the hub BEFORE reading the table, so an event committed
 * while the replay runs is either in the replay or in the live queue (ids dedupe the overlap),
 * never lost. Writes go one at a time, in id order. A per-order stream ends after `end`.
 */
export async function runEventSession(options: SessionOptions): Promise<void> {
  const { stream, db, orderId, userId } = options;
  let lastSent = options.after;
  let replaying = true;
  let ended = false;
  const pending: StoredOrderEvent[] = [];
  let writes: Promise<void> = Promise.resolve();
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const write = (task: () => Promise<void>) => {
    writes = writes.then(task).catch(() => finish());
    return writes;
  };
  const send = async (event: StoredOrderEvent) => {
    if (ended || event.id <= lastSent) return;
    if (options.accept && !(await options.accept(event))) return;
    lastSent = event.id;
    await stream.writeSSE({ id: String(event.id), event: event.type, data: JSON.stringify(event.data) });
    options.onSent?.();
    if (orderId && event.type === 'end') {
      ended = true;
      finish();
    }
  };
  const replay = async () => {
    for (;;) {
      const { rows } = orderId
        ? await db.query<ReplayRow>(LIST_ORDER_EVENTS_AFTER, [orderId, lastSent, REPLAY_PAGE])
        : await db.query<ReplayRow>(LIST_USER_EVENTS_AFTER, [userId, lastSent, REPLAY_PAGE]);
      for (const row of rows) {
        await send({ id: Number(row.id), orderId: row.order_id, userId, type: row.type, data: row.data });
        if (ended) return;
      }
      if (rows.length < REPLAY_PAGE) return;
    }
  };

  // Registered first: a client that leaves while we subscribe must still end the session (hono's
  // write() swallows errors, so a missed abort would leak the subscription and its heartbeat).
  stream.onAbort(() => finish());
  if (stream.aborted) return;
  // First bytes at once, before any database work: a client waiting for its first event (an order
  // still queued says nothing for a while) can tell a silent stream from a buffering proxy, which
  // would hold this comment back too. No `retry:` field: @alfie/core would take it as a fixed
  // reconnect delay in place of its own backoff.
  await stream.write(': connected\n\n');
  const unsubscribe = await options.hub.subscribe(userId, {
    onEvent(event) {
      if (orderId && event.orderId !== orderId) return;
      if (replaying) pending.push(event);
      else void write(() => send(event));
    },
    onGap() {
      void write(replay);
    },
  });
  if (stream.aborted) finish();
  const heartbeat = setInterval(
    () => void write(() => stream.write(': ping\n\n').then(() => {})),
    options.heartbeatMs,
  );
  try {
    await write(async () => {
      await replay();
      replaying = false;
      for (const event of pending.splice(0)) await send(event);
      if (!ended && orderId && options.finalState) {
        const final = await options.finalState();
        if (final) {
          for (const event of final) {
            await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
          }
          ended = true;
          finish();
        }
      }
    });
    await done;
    await writes;
  } finally {
    clearInterval(heartbeat);
    unsubscribe();
  }
}
