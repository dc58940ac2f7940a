import type { OrderDetail } from '@alfie/core/contract';
import type { Queryable } from '../db/types.js';
import { GET_ORDER_JOB } from '../sql/jobs/get-order-job.js';
import { GET_ORDER } from '../sql/orders/get-order.js';
import { LIST_ORDER_ASSETS } from '../sql/orders/list-order-assets.js';
import { LIST_ORDER_ITEMS } from '../sql/orders/list-order-items.js';
import type { OrderOwner } from './cancel.js';
import { type OrderItemRow, toAsset, toJob, toOrder, toOrderItem } from './shapes.js';

/**
 * One of the caller's orders with its items, assets (sorted by slide index), progress counts and
 * job summary; null when the order is not theirs (the route answers 404 either way).
 */
export async function loadOrderDetail(
  db: Queryable,
  user: OrderOwner,
  orderId: string,
): Promise<OrderDetail | null> {
  const { rows } = await db.query(GET_ORDER, [orderId, user.userId, user.brandIds]);
  const order = rows[0];
  if (!order) return null;
  const [items, assets, jobs] = [
    await db.query<OrderItemRow>(LIST_ORDER_ITEMS, [orderId]),
    await db.query(LIST_ORDER_ASSETS, [[orderId], user.userId]),
    await db.query(GET_ORDER_JOB, [orderId]),
  ];
  const job = jobs.rows[0] ? toJob(jobs.rows[0]) : null;
  return {
    ...toOrder(order),
    items: items.rows.map(toOrderItem),
    assets: assets.rows.map(toAsset),
    expectedTotal: items.rows.length || Number(order.count),
    completedCount: assets.rows.length,
    job: job && {
      id: job.id,
      status: job.status,
      attempts: job.attempts,
      maxAttempts: job.maxAttempts,
      lastError: job.lastError,
    },
  };
}
