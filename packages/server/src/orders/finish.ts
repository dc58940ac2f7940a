import type { TerminalOrderStatus } from '@alfie/core/contract';
import type { Queryable } from '../db/types.js';
import { appendOrderEvent } from '../events/append.js';
import { FAIL_OPEN_ITEMS } from '../sql/queue/fail-open-items.js';
import { FINISH_ORDER } from '../sql/queue/finish-order.js';
import { LOCK_OPEN_ORDER } from '../sql/queue/lock-open-order.js';
import { settleEndedOrder } from './settle.js';
import { type OrderItemRow, toOrderItem } from './shapes.js';

/**
 * The worker's last step for an order (when no retry is left or every item is done). Ends an open order: undelivered items fail with `reason`, the order gets its final status from
 * its items (completed / partial / failed), the unused reservation is released, and the client
 * gets `status` + `end`. Returns null when the order was no longer open (canceled meanwhile).
 *
 * @example
 * await db.transaction((tx) => finishOrder(tx, orderId, 'engine unavailable after 3 attempts'));
 */
export async function finishOrder(
  tx: Queryable,
  orderId: string,
  reason: string,
): Promise<{ status: TerminalOrderStatus; completedCount: number; expectedTotal: number } | null> {
  const open = await tx.query(LOCK_OPEN_ORDER, [orderId]);
  if (open.rows.length === 0) return null;
  const failed = await tx.query<OrderItemRow>(FAIL_OPEN_ITEMS, [orderId, reason]);
  for (const row of failed.rows)
    await appendOrderEvent(tx, { type: 'item', orderId, item: toOrderItem(row) });
  const { rows } = await tx.query<{
    status: TerminalOrderStatus;
    completed_count: number;
    expected_total: number;
  }>(FINISH_ORDER, [orderId]);
  const row = rows[0];
  if (!row) return null;
  await settleEndedOrder(tx, orderId, row.status);
  return { status: row.status, completedCount: row.completed_count, expectedTotal: row.expected_total };
}
