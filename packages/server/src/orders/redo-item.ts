import type { RedoItemResponse } from '@alfie/core/contract';
import type { Tx } from '../db/types.js';
import { ApiError, conflict, notFound, validationFailed } from '../errors.js';
import { appendOrderEvent } from '../events/append.js';
import { reserveQuota } from '../quota/reserve.js';
import { DELETE_ITEM_ASSET } from '../sql/redo/delete-item-asset.js';
import { LOCK_ORDER_FOR_REDO } from '../sql/redo/lock-order-for-redo.js';
import { REOPEN_ITEM } from '../sql/redo/reopen-item.js';
import { REOPEN_ORDER_FOR_REDO } from '../sql/redo/reopen-order-for-redo.js';
import { REQUEUE_ORDER_JOB } from '../sql/redo/requeue-order-job.js';
import { type OrderItemRow, toOrderItem } from './shapes.js';

interface RedoOrderRow {
  id: string;
  status: string;
  type: 'image' | 'carousel' | 'video';
  brand_id: string;
  period_yyyymm: number;
  quota_bypass: boolean;
  count: number;
}

export interface RedoCaller {
  userId: string;
  /** Brands an API key is limited to; null for a user's own token. */
  brandIds: string[] | null;
}

export interface RedoResult extends RedoItemResponse {
  /** The stored file of the replaced asset: delete it once the transaction has committed. */
  replacedFile: string | null;
}

/**
 * Redraws one slide (or image) of the caller's ended order, in the caller's transaction: one image
 * is reserved (in the order's own period, under the plan's limit), the slide's asset is removed and
 * its item goes back to pending, the order is reopened unsettled and its job queued again. The
 * worker then draws that slide only, charges it on delivery and ends the order as before; a failed
 * redraw releases the image. `slide` is 1-based, as the user counts.
 * Throws 404 for another user's order, 409 while it runs or for a video, 400 for a slide out of
 * range, 402 when the quota cannot cover one more image.
 */
export async function redoItem(
  tx: Tx,
  caller: RedoCaller,
  orderId: string,
  slide: number,
): Promise<RedoResult> {
  const order = (await tx.query<RedoOrderRow>(LOCK_ORDER_FOR_REDO, [orderId, caller.userId, caller.brandIds]))
    .rows[0];
  if (!order) throw notFound('Order');
  if (order.type === 'video') throw conflict('A video is made again as a new order, not redone in place');
  if (order.status !== 'completed' && order.status !== 'partial') {
    throw conflict(`The order is ${order.status}: only an ended order's slide can be redone`);
  }
  if (!Number.isInteger(slide) || slide < 1 || slide > order.count) {
    throw validationFailed(`slide must be between 1 and ${order.count}`);
  }
  const item = (await tx.query<OrderItemRow>(REOPEN_ITEM, [order.id, slide - 1])).rows[0];
  if (!item) throw conflict(`Slide ${slide} is still being drawn`);
  const images = order.quota_bypass ? 0 : 1;
  if (
    images &&
    !(await reserveQuota(tx, order.brand_id, order.period_yyyymm, { images, reels: 0, woofs: 0 }))
  ) {
    throw new ApiError('QUOTA_EXCEEDED', "The brand's quota cannot cover one more image");
  }
  const replaced = (await tx.query<{ public_id: string | null }>(DELETE_ITEM_ASSET, [item.id])).rows[0];
  await tx.query(REOPEN_ORDER_FOR_REDO, [order.id, images]);
  const job = await tx.query(REQUEUE_ORDER_JOB, [order.id]);
  if (job.rows.length === 0) throw conflict('The order has no ended job to run again');
  await appendOrderEvent(tx, { type: 'status', orderId: order.id, status: 'pending' });
  await appendOrderEvent(tx, { type: 'item', orderId: order.id, item: toOrderItem(item) });
  return { orderId: order.id, slide, itemId: item.id, replacedFile: replaced?.public_id ?? null };
}
