import type { OrderEvent } from '@alfie/core/contract';

/** One order_events row as streams send it: `id` is the SSE id (Last-Event-ID cursor). */
export interface StoredOrderEvent {
  id: number;
  orderId: string;
  userId: string;
  type: OrderEvent['type'];
  data: OrderEvent;
}

export const ORDER_EVENTS_CHANNEL = 'alfie_order_events';
