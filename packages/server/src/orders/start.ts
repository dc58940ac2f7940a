import type { Queryable } from '../db/types.js';
import { appendOrderEvent } from '../events/append.js';
import { MARK_ITEMS_RUNNING } from '../sql/queue/mark-items-running.js';
import { START_ORDER } from '../sql/queue/start-order.js';
import { type OrderItemRow, toOrderItem } from './shapes.js';

/**
 * A worker takes the order up: a pending order turns processing (watchers get `status`), and the
 * items about to render turn running (watchers get one `item` each). A retried run calls it again
 * for what is left; nothing is announced twice, as only rows that actually change come back.
 *
 * @example
 * await db.transaction((tx) => startOrder(tx, order.id, todo.map((item) => item.id)));
 */
export async function startOrder(tx: Queryable, orderId: string, itemIds: string[]): Promise<void> {
  if ((await tx.query(START_ORDER, [orderId])).rows.length > 0) {
    await appendOrderEvent(tx, { type: 'status', orderId, status: 'processing' });
  }
  const started = await tx.query<OrderItemRow>(MARK_ITEMS_RUNNING, [itemIds]);
  for (const row of started.rows) {
    await appendOrderEvent(tx, { type: 'item', orderId, item: toOrderItem(row) });
  }
}
