import type { Tx } from '../db/types.js';
import { appendOrderEnd, appendOrderEvent } from '../events/append.js';
import { ApiError, conflict, notFound } from '../http/errors.js';
import { reserveQuota } from '../quota/reserve.js';
import { FIND_ORDER_OWNER } from '../sql/admin/find-order-owner.js';
import { LOCK_FAILED_JOB } from '../sql/admin/lock-failed-job.js';
import { REOPEN_FAILED_ITEMS } from '../sql/admin/reopen-failed-items.js';
import { REOPEN_ORDER } from '../sql/admin/reopen-order.js';
import { REQUEUE_FAILED_JOB } from '../sql/admin/requeue-failed-job.js';
import { CANCEL_ORDER_JOBS } from '../sql/jobs/cancel-order-jobs.js';
import { CANCEL_ORDER } from '../sql/orders/cancel-order.js';
import { CANCEL_ORDER_ITEMS } from '../sql/orders/cancel-order-items.js';
import { type ItemEventRow, toOrderItem } from '../worker/pipeline/rows.js';
import { settleOrder } from '../worker/settle.js';

interface FailedJobRow {
  id: string;
  order_id: string;
  status: string;
  order_status: string;
  order_type: 'image' | 'carousel' | 'video';
  brand_id: string;
  period_yyyymm: number;
  quota_bypass: boolean;
  reserved_woofs: number;
}

/**
 * An operator's retry of a failed job, in the caller's transaction: the order's failed items go
 * back to pending, quota is reserved again for them (in the order's own period, under the same
 * plan limits as a new order: a retry never lets a brand pass its plan), the order is reopened
 * and the job is queued with fresh attempts. Clients watching the order see it come back.
 * Throws 404 for an unknown job, 409 when it is not failed or its order has nothing to redo,
 * 402 when the brand's quota cannot cover the retry.
 */
export async function retryFailedJob(tx: Tx, jobId: string): Promise<{ orderId: string; items: number }> {
  const job = (await tx.query<FailedJobRow>(LOCK_FAILED_JOB, [jobId])).rows[0];
  if (!job) throw notFound('Job');
  if (job.status !== 'failed') throw conflict(`The job is ${job.status}, only a failed job can be retried`);
  if (job.order_status !== 'failed' && job.order_status !== 'partial') {
    throw conflict(`The order is ${job.order_status}: nothing to retry`);
  }
  const items = (await tx.query<ItemEventRow>(REOPEN_FAILED_ITEMS, [job.order_id])).rows;
  if (items.length === 0) throw conflict('The order has no failed item to retry');
  const cost = job.quota_bypass
    ? { images: 0, reels: 0, woofs: 0 }
    : job.order_type === 'video'
      ? { images: 0, reels: 1, woofs: job.reserved_woofs }
      : { images: items.length, reels: 0, woofs: 0 };
  if (!job.quota_bypass && !(await reserveQuota(tx, job.brand_id, job.period_yyyymm, cost))) {
    throw new ApiError('QUOTA_EXCEEDED', "The brand's quota cannot cover this retry");
  }
  await tx.query(REOPEN_ORDER, [job.order_id, cost.images, cost.reels, cost.woofs]);
  await tx.query(REQUEUE_FAILED_JOB, [jobId]);
  await appendOrderEvent(tx, { type: 'status', orderId: job.order_id, status: 'pending' });
  for (const row of items) {
    await appendOrderEvent(tx, { type: 'item', orderId: job.order_id, item: toOrderItem(row) });
  }
  return { orderId: job.order_id, items: items.length };
}

/**
 * An operator's cancel of any user's pending or processing order (a stuck one, typically): the
 * same writes as the owner's cancel route, so quota is released once and clients get `end`.
 */
export async function cancelOrderAsAdmin(
  tx: Tx,
  orderId: string,
): Promise<{
  userId: string;
  type: string;
  jobsCanceled: number;
  released: { images: number; reels: number; woofs: number };
}> {
  const order = (await tx.query<{ user_id: string; status: string }>(FIND_ORDER_OWNER, [orderId])).rows[0];
  if (!order) throw notFound('Order');
  const { rows } = await tx.query(CANCEL_ORDER, [orderId, order.user_id, null]);
  if (!rows[0]) throw conflict(`The order is already ${order.status}`);
  await tx.query(CANCEL_ORDER_ITEMS, [orderId]);
  const jobs = await tx.query(CANCEL_ORDER_JOBS, [orderId]);
  const settled = await settleOrder(tx, orderId);
  await appendOrderEnd(tx, orderId, 'canceled');
  return {
    userId: order.user_id,
    type: String((rows[0] as { type: string }).type),
    jobsCanceled: jobs.rows.length,
    released: settled.released,
  };
}
