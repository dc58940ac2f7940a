import type { Db } from '../db/types.js';
import type { QueueLogger } from '../queue/types.js';
import { silentLogger } from '../queue/types.js';
import { GET_EVENT } from '../sql/events/get-event.js';
import { FramedEvent } from './frame.js';
import { ORDER_EVENTS_CHANNEL, type StoredOrderEvent } from './types.js';

export interface HubSubscriber {
  /** `framed` carries the event's SSE bytes, made once for every subscriber of this process. */
  onEvent(event: StoredOrderEvent, framed: FramedEvent): void;
  /** The LISTEN connection was lost and is back: events may have been missed, re-read the table. */
  onGap(): void;
}

interface NotifyPayload {
  id: number;
  orderId: string;
  userId: string;
  type: StoredOrderEvent['type'];
  data?: StoredOrderEvent['data'];
}

/**
 * Fans order events out to the SSE clients of this process over ONE `LISTEN alfie_order_events`,
 * however many clients are connected: the database sees one listener per API process, never a
 * query per client (the original's realtime subscriptions overloaded it). Events reach clients in
 * NOTIFY order; the few too big for a NOTIFY (only their id travels) are read back by id, still in
 * order.
 *
 * @example
 * const hub = eventHubFor(db, logger);
 * const unsubscribe = await hub.subscribe(userId, { onEvent: send, onGap: replay });
 */
export class OrderEventHub {
  private readonly byUser = new Map<string, Set<HubSubscriber>>();
  private listening: Promise<() => Promise<void>> | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly logger: QueueLogger = silentLogger,
  ) {}

  /** Number of connected subscribers (for tests and metrics). */
  get size(): number {
    let n = 0;
    for (const subs of this.byUser.values()) n += subs.size;
    return n;
  }

  /** Resolves once LISTEN is active, so nothing committed after it can be missed. */
  async subscribe(userId: string, subscriber: HubSubscriber): Promise<() => void> {
    const subs = this.byUser.get(userId) ?? new Set();
    subs.add(subscriber);
    this.byUser.set(userId, subs);
    try {
      await this.ensureListening();
    } catch (error) {
      subs.delete(subscriber);
      throw error;
    }
    return () => {
      subs.delete(subscriber);
      if (subs.size === 0 && this.byUser.get(userId) === subs) this.byUser.delete(userId);
    };
  }

  async close(): Promise<void> {
    const listening = this.listening;
    this.listening = null;
    this.byUser.clear();
    if (listening) await (await listening.catch(() => async () => {}))();
  }

  private ensureListening(): Promise<unknown> {
    this.listening ??= this.db.listen(ORDER_EVENTS_CHANNEL, (payload) => this.onNotify(payload), {
      onReconnect: () => {
        for (const subs of this.byUser.values()) for (const sub of subs) sub.onGap();
      },
    });
    this.listening.catch(() => {
      this.listening = null;
    });
    return this.listening;
  }

  private onNotify(raw: string): void {
    let payload: NotifyPayload;
    try {
      payload = JSON.parse(raw) as NotifyPayload;
    } catch {
      this.logger.warn({ payload: raw.slice(0, 200) }, 'unreadable order event notification');
      return;
    }
    // Fast path: nobody here watches this user, or the event is whole and nothing is queued ahead.
    if (!this.byUser.has(payload.userId)) return;
    this.chain = this.chain.then(async () => {
      const event = payload.data ? toEvent(payload, payload.data) : await this.readBack(payload.id);
      if (!event) return;
      const subs = this.byUser.get(event.userId);
      if (!subs) return;
      // Shaped, serialised and framed once here (lazily, on first write), whatever the audience.
      const framed = new FramedEvent(event);
      for (const sub of subs) {
        try {
          sub.onEvent(event, framed);
        } catch (error) {
          // One broken stream must not stop the chain (a rejected chain would skip later events).
          this.logger.error({ err: error, eventId: event.id }, 'order event subscriber failed');
        }
      }
    });
  }

  private async readBack(id: number): Promise<StoredOrderEvent | null> {
    try {
      const { rows } = await this.db.query<{
        id: number;
        order_id: string;
        user_id: string;
        type: StoredOrderEvent['type'];
        data: StoredOrderEvent['data'];
      }>(GET_EVENT, [id]);
      const row = rows[0];
      return row
        ? { id: Number(row.id), orderId: row.order_id, userId: row.user_id, type: row.type, data: row.data }
        : null;
    } catch (error) {
      this.logger.error({ err: error, eventId: id }, 'order event read-back failed');
      return null;
    }
  }
}

function toEvent(payload: NotifyPayload, data: StoredOrderEvent['data']): StoredOrderEvent {
  return {
    id: Number(payload.id),
    orderId: payload.orderId,
    userId: payload.userId,
    type: payload.type,
    data,
  };
}

const hubs = new WeakMap<Db, OrderEventHub>();

/** The one hub of this process for `db` (one LISTEN, whatever the number of apps or routes). */
export function eventHubFor(db: Db, logger?: QueueLogger): OrderEventHub {
  let hub = hubs.get(db);
  if (!hub) {
    hub = new OrderEventHub(db, logger);
    hubs.set(db, hub);
  }
  return hub;
}
