import type { OrderEvent } from '@alfie/core/contract';
import type { Db } from '../db/types.js';
import { LIST_ORDER_EVENTS_AFTER } from '../sql/events/list-order-events-after.js';
import { LIST_USER_EVENTS_AFTER } from '../sql/events/list-user-events-after.js';
import { FramedEvent, frameComment, frameMessage } from './frame.js';
import type { HubSubscriber, OrderEventHub } from './hub.js';
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
  const { sink } = options;
  const session = new EventSession(options);
  sink.onClose(() => session.stop());
  if (sink.closed) return;
  // First bytes at once, before any database work: a client waiting for its first event (an order
  // still queued says nothing for a while) can tell a silent stream from a buffering proxy, which
  // would hold this comment back too. No `retry:` field: @alfie/core would take it as a fixed
  // reconnect delay in place of its own backoff.
  sink.write(CONNECTED);
  const unsubscribe = await options.hub.subscribe(options.userId, session);
  const heartbeat = setInterval(() => session.ping(), options.heartbeatMs);
  try {
    session.kick();
    // A session dropped or closed while its replay or a scope check still waits on the database
    // ends now: that work finds the session ended and writes nothing.
    await Promise.race([session.working, session.done]);
    await session.sendFinalState();
    await session.done;
  } finally {
    clearInterval(heartbeat);
    unsubscribe();
  }
}

/**
 * The state of one stream. A class, not closures: thousands of streams stay open at once, and
 * each closure of a session was an object of its own on the heap.
 */
class EventSession implements HubSubscriber {
  private lastSent: number;
  private ended = false;
  /** Live events waiting behind the replay or a scope check, in id order. */
  private readonly queue: FramedEvent[] = [];
  /** The table must be read (first connection, or the LISTEN connection had a gap). */
  private needReplay = true;
  /**
   * True while `work` runs: live events then queue, so messages keep their id order. True from the
   * start: events that arrive between the subscription and the first replay wait for it.
   */
  private active = true;
  working: Promise<void> = Promise.resolve();
  readonly done: Promise<void>;
  private finish!: () => void;
  private readonly maxBacklog: number;
  private readonly maxQueued: number;

  constructor(private readonly options: SessionOptions) {
    this.lastSent = options.after;
    this.maxBacklog = options.maxBacklogBytes ?? 1024 * 1024;
    this.maxQueued = options.maxQueued ?? 10_000;
    this.done = new Promise<void>((resolve) => {
      this.finish = resolve;
    });
  }

  onEvent(event: StoredOrderEvent, framed?: FramedEvent): void {
    if (this.ended || (this.options.orderId && event.orderId !== this.options.orderId)) return;
    const shared = framed ?? new FramedEvent(event);
    if (!this.active && this.trySend(shared)) return;
    if (this.queue.length >= this.maxQueued) {
      this.drop('slow_consumer');
      return;
    }
    this.queue.push(shared);
    if (!this.active) this.kick();
  }

  onGap(): void {
    if (this.ended) return;
    this.needReplay = true;
    if (!this.active) this.kick();
  }

  ping(): void {
    if (!this.ended) this.options.sink.write(PING);
  }

  stop(): void {
    this.ended = true;
    this.finish();
  }

  kick(): void {
    // A failed replay ends the stream; the client reconnects with Last-Event-ID.
    this.working = this.work().catch(() => this.stop());
  }

  /** Per-order stream: the order ended but its `end` was not replayed, so its final state is sent. */
  async sendFinalState(): Promise<void> {
    const { orderId, finalState, sink } = this.options;
    if (this.ended || !orderId || !finalState) return;
    const final = await finalState();
    if (!final || this.ended) return;
    for (const event of final) sink.write(frameMessage(event));
    this.stop();
  }

  private drop(reason: DropReason): void {
    if (this.ended) return;
    const { sink } = this.options;
    this.options.onDrop?.(reason, { backlog: sink.backlog, queued: this.queue.length });
    this.stop();
    sink.destroy();
  }

  private emit(framed: FramedEvent): void {
    const { sink } = this.options;
    this.lastSent = framed.event.id;
    sink.write(framed.frame);
    this.options.onSent?.();
    if (this.options.orderId && framed.event.type === 'end') this.stop();
    else if (sink.backlog > this.maxBacklog) this.drop('slow_consumer');
  }

  /** Sends (or skips) an event when its verdict is known now; false when a check must be awaited. */
  private trySend(framed: FramedEvent): boolean {
    if (this.ended || framed.event.id <= this.lastSent) return true;
    const verdict = this.options.accept ? this.options.accept(framed.event) : true;
    if (verdict === true) this.emit(framed);
    return typeof verdict === 'boolean';
  }

  private async send(framed: FramedEvent): Promise<void> {
    if (!this.trySend(framed) && (await this.options.accept!(framed.event)) && !this.ended) this.emit(framed);
  }

  private async replay(): Promise<void> {
    const { db, orderId, userId } = this.options;
    for (;;) {
      const { rows } = orderId
        ? await db.query<ReplayRow>(LIST_ORDER_EVENTS_AFTER, [orderId, this.lastSent, REPLAY_PAGE])
        : await db.query<ReplayRow>(LIST_USER_EVENTS_AFTER, [userId, this.lastSent, REPLAY_PAGE]);
      for (const row of rows) {
        await this.send(
          new FramedEvent({
            id: Number(row.id),
            orderId: row.order_id,
            userId,
            type: row.type,
            data: row.data,
          }),
        );
        if (this.ended) return;
      }
      if (rows.length < REPLAY_PAGE) return;
    }
  }

  /**
   * Replays when needed, then sends what queued meanwhile. It ends in the same turn as it finds the
   * queue empty, so no live event can slip between that check and `active = false`.
   */
  private async work(): Promise<void> {
    this.active = true;
    try {
      for (;;) {
        if (this.ended) return;
        if (this.needReplay) {
          this.needReplay = false;
          await this.replay();
          continue;
        }
        const framed = this.queue.shift();
        if (!framed) return;
        await this.send(framed);
      }
    } finally {
      this.active = false;
    }
  }
}
