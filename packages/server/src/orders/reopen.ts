import type { Format } from '@alfie/core/contract';
import type { Queryable } from '../db/types.js';
import { ApiError, conflict, notFound } from '../errors.js';
import { appendOrderEvent } from '../events/append.js';
import { costOf, NO_COST, type QuotaCost } from '../quota/cost.js';
import { reserveQuota } from '../quota/reserve.js';
import { LOCK_FAILED_JOB } from '../sql/admin/lock-failed-job.js';
import { REOPEN_FAILED_ITEMS } from '../sql/admin/reopen-failed-items.js';
import { REOPEN_ORDER } from '../sql/admin/reopen-order.js';
import { REQUEUE_FAILED_JOB } from '../sql/admin/requeue-failed-job.js';
import { type OrderItemRow, toOrderItem } from './shapes.js';

interface FailedJobRow {
  id: string;
  order_id: string;
  status: string;
  order_status: string;
  order_type: Format;
  brand_id: string;
  period_yyyymm: number;
  quota_bypass: boolean;
  reserved_woofs: number;
}

/**
 * Reopens a failed or partial order for another run: an operator's retry of its failed job, in the
 * caller's transaction: the order's failed items go
 * back to pending, quota is reserved again for them (in the order's own period, under the same
 * plan limits as a new order: a retry never lets a brand pass its plan), the order is reopened
 * and the job is queued with fresh attempts. Clients watching the order see it come back.
 * Throws 404 for an unknown job, 409 when it is not failed or its order has nothing to redo,
 * 402 when the brand's quota cannot cover the retry.
 */
export async function reopenFailedOrder(
  tx: Queryable,
  jobId: string,
): Promise<{ orderId: string; items: number }> {
  const job = (await tx.query<FailedJobRow>(LOCK_FAILED_JOB, [jobId])).rows[0];
  if (!job) throw notFound('Job');
  if (job.status !== 'failed') throw conflict(`The job is ${job.status}, only a failed job can be retried`);
  if (job.order_status !== 'failed' && job.order_status !== 'partial') {
    throw conflict(`The order is ${job.order_status}: nothing to retry`);
  }
  const items = (await tx.query<OrderItemRow>(REOPEN_FAILED_ITEMS, [job.order_id])).rows;
  if (items.length === 0) throw conflict('The order has no failed item to retry');
  // A video is redone at the price it was reserved at, whatever the Woofs table says today.
  const cost: QuotaCost = job.quota_bypass
    ? NO_COST
    : job.order_type === 'video'
      ? { ...NO_COST, reels: 1, woofs: job.reserved_woofs }
      : costOf(job.order_type, items.length, null);
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
