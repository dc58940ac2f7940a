import type { OrderEvent, TerminalOrderStatus } from '@alfie/core/contract';
import type { Queryable } from '../db/types.js';
import { GET_ORDER_COUNTS } from '../sql/events/get-order-counts.js';
import { INSERT_ORDER_EVENT } from '../sql/events/insert-order-event.js';

/**
 * Records one event a client can watch. The row's insert trigger NOTIFYs `alfie_order_events`, so
 * every API process fans it out to its SSE clients once the transaction commits. The owner is read
 * from the order. Returns null when the order does not exist.
 *
 * @example
 * await appendOrderEvent(tx, { type: 'status', orderId, status: 'processing' });
 */
export async function appendOrderEvent(tx: Queryable, event: OrderEvent): Promise<{ id: number } | null> {
  const { rows } = await tx.query<{ id: number }>(INSERT_ORDER_EVENT, [
    event.orderId,
    event.type,
    JSON.stringify(event),
  ]);
  return rows[0] ? { id: Number(rows[0].id) } : null;
}

/**
 * Appends the two events of an order that just ended: its final `status`, then `end` with the
 * delivered and expected counts. The cancel route and the worker both finish orders with it.
 *
 * @example
 * await appendOrderEnd(tx, orderId, 'canceled');
 */
export async function appendOrderEnd(
  tx: Queryable,
  orderId: string,
  status: TerminalOrderStatus,
): Promise<void> {
  const { rows } = await tx.query<{ completed_count: number; expected_total: number }>(GET_ORDER_COUNTS, [
    orderId,
  ]);
  const counts = rows[0] ?? { completed_count: 0, expected_total: 0 };
  await appendOrderEvent(tx, { type: 'status', orderId, status });
  await appendOrderEvent(tx, {
    type: 'end',
    orderId,
    status,
    completedCount: counts.completed_count,
    expectedTotal: counts.expected_total,
  });
}
