import type { OrderEvent } from '@alfie/core/contract';
import type { Db } from '../db/types.js';
import { LIST_ORDER_EVENTS_AFTER } from '../sql/events/list-order-events-after.js';
import { LIST_USER_EVENTS_AFTER } from '../sql/events/list-user-events-after.js';
import { FramedEvent, frameComment, frameMessage } from './frame.js';
import type { OrderEventHub } from './hub.js';
import type { SseSink } from './sse-sink.js';
import type { StoredOrderEvent } from './types.js';

const REPLAY_PAGE = 500;
const CONNECTED = frameComment('connected');
const PING = frameComment('ping');

/** Why a client was dropped: it resumes with Last-Event-ID, losing nothing. */
export type DropReason = 'slow_consumer';

export interface SessionOptions {
  db: Db;
  hub: OrderEventHub;
  sink: SseSink;
  userId: string;
  /** Per-order stream when set; every order of the user otherwise. */
  orderId: string | null;
  /** Events with an id above this are sent (Last-Event-ID). */
  after: number;
  /**
   * Filters events of the user stream (a token restricted to some brands). A boolean when the
   * answer is known (cached), a promise the first time an order is seen.
   */
  accept?: (event: StoredOrderEvent) => boolean | Promise<boolean>;
  heartbeatMs: number;
  /** Per-order stream: what to send when the order has ended but its `end` was not replayed. */
  finalState?: () => Promise<OrderEvent[] | null>;
  /** Called after each event written to the client (metrics: alfie_sse_events_sent_total). */
  onSent?: () => void;
  /** Bytes a client may leave unread before it is dropped. Default 1 MiB. */
  maxBacklogBytes?: number;
  /** Events that may wait for the replay or a scope check before it is dropped. Default 10,000. */
  maxQueued?: number;
  onDrop?: (reason: DropReason, details: { backlog: number; queued: number }) => void;
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
 * never lost. Messages go out in id order. A per-order stream ends after `end`.
 *
 * The live path is synchronous: an event the client can take now is filtered and its shared bytes
 * written at once, with no promise or copy per client. Events wait in a queue only behind a replay
 * or a first scope check. A client whose unread bytes or queue pass their bound is dropped (the
 * connection closed); its EventSource reconnects with Last-Event-ID and the replay catches it up.
 */
export async function runEventSession(options: SessionOptions): Promise<void> {
  const { sink, db, orderId, userId } = options;
  const maxBacklog = options.maxBacklogBytes ?? 1024 * 1024;
  const maxQueued = options.maxQueued ?? 10_000;
  let lastSent = options.after;
  let ended = false;
  /** Live events waiting behind the replay or a scope check, in id order. */
  const queue: FramedEvent[] = [];
  /** The table must be read (first connection, or the LISTEN connection had a gap). */
  let needReplay = true;
  /**
   * True while `work` runs: live events then queue, so messages keep their id order. True from the
   * start: events that arrive between the subscription and the first replay wait for it.
   */
  let active = true;
  let working: Promise<void> = Promise.resolve();
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const stop = () => {
    ended = true;
    finish();
  };

  const drop = (reason: DropReason) => {
    if (ended) return;
    options.onDrop?.(reason, { backlog: sink.backlog, queued: queue.length });
    stop();
    sink.destroy();
  };
  const emit = (framed: FramedEvent) => {
    lastSent = framed.event.id;
    sink.write(framed.frame);
    options.onSent?.();
    if (orderId && framed.event.type === 'end') stop();
    else if (sink.backlog > maxBacklog) drop('slow_consumer');
  };
  /** Sends (or skips) an event when its verdict is known now; false when a check must be awaited. */
  const trySend = (framed: FramedEvent): boolean => {
    if (ended || framed.event.id <= lastSent) return true;
    const verdict = options.accept ? options.accept(framed.event) : true;
    if (verdict === true) emit(framed);
    return typeof verdict === 'boolean';
  };
  const send = async (framed: FramedEvent) => {
    if (!trySend(framed) && (await options.accept!(framed.event)) && !ended) emit(framed);
  };
  const replay = async () => {
    for (;;) {
      const { rows } = orderId
        ? await db.query<ReplayRow>(LIST_ORDER_EVENTS_AFTER, [orderId, lastSent, REPLAY_PAGE])
        : await db.query<ReplayRow>(LIST_USER_EVENTS_AFTER, [userId, lastSent, REPLAY_PAGE]);
      for (const row of rows) {
        await send(
          new FramedEvent({
            id: Number(row.id),
            orderId: row.order_id,
            userId,
            type: row.type,
            data: row.data,
          }),
        );
        if (ended) return;
      }
      if (rows.length < REPLAY_PAGE) return;
    }
  };
  /**
   * Replays when needed, then sends what queued meanwhile. It ends in the same turn as it finds the
   * queue empty, so no live event can slip between that check and `active = false`.
   */
  const work = async (): Promise<void> => {
    active = true;
    try {
      for (;;) {
        if (ended) return;
        if (needReplay) {
          needReplay = false;
          await replay();
          continue;
        }
        const framed = queue.shift();
        if (!framed) return;
        await send(framed);
      }
    } finally {
      active = false;
    }
  };
  const kick = () => {
    // A failed replay ends the stream; the client reconnects with Last-Event-ID.
    working = work().catch(stop);
  };

  sink.onClose(stop);
  if (sink.closed) return;
  // First bytes at once, before any database work: a client waiting for its first event (an order
  // still queued says nothing for a while) can tell a silent stream from a buffering proxy, which
  // would hold this comment back too. No `retry:` field: @alfie/core would take it as a fixed
  // reconnect delay in place of its own backoff.
  sink.write(CONNECTED);
  const unsubscribe = await options.hub.subscribe(userId, {
    onEvent(event, framed) {
      if (ended || (orderId && event.orderId !== orderId)) return;
      const shared = framed ?? new FramedEvent(event);
      if (!active && trySend(shared)) return;
      if (queue.length >= maxQueued) return drop('slow_consumer');
      queue.push(shared);
      if (!active) kick();
    },
    onGap() {
      if (ended) return;
      needReplay = true;
      if (!active) kick();
    },
  });
  const heartbeat = setInterval(() => {
    if (!ended) sink.write(PING);
  }, options.heartbeatMs);
  try {
    kick();
    await working;
    if (!ended && orderId && options.finalState) {
      const final = await options.finalState();
      if (final && !ended) {
        for (const event of final) sink.write(frameMessage(event));
        stop();
      }
    }
    await done;
  } finally {
    clearInterval(heartbeat);
    unsubscribe();
    await working;
  }
}
