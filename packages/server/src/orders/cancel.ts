import type { Format } from '@alfie/core/contract';
import type { Queryable } from '../db/types.js';
import { conflict, notFound } from '../errors.js';
import type { QuotaCost } from '../quota/cost.js';
import { FIND_ORDER_OWNER } from '../sql/admin/find-order-owner.js';
import { CANCEL_ORDER_JOBS } from '../sql/jobs/cancel-order-jobs.js';
import { CANCEL_ORDER } from '../sql/orders/cancel-order.js';
import { CANCEL_ORDER_ITEMS } from '../sql/orders/cancel-order-items.js';
import { GET_ORDER } from '../sql/orders/get-order.js';
import { settleEndedOrder } from './settle.js';

/** Whose order it must be: the user, and the brands their token may touch (null: all of theirs). */
export interface OrderOwner {
  userId: string;
  brandIds: string[] | null;
}

export interface CanceledOrder {
  type: Format;
  jobsCanceled: number;
  /** The reservation given back: what the order had not delivered. */
  released: QuotaCost;
}

/**
 * Stops a pending or processing order, in the caller's transaction: its undelivered items and its
 * jobs are canceled, the quota it reserved but did not use is released, and watchers get `status`
 * and `end`. The order's row lock orders this against the worker finishing it.
 * Throws NOT_FOUND for an order that is not the owner's, CONFLICT for one that has already ended.
 *
 * @example
 * const canceled = await db.transaction((tx) => cancelOrder(tx, orderId, user));
 */
export async function cancelOrder(tx: Queryable, orderId: string, owner: OrderOwner): Promise<CanceledOrder> {
  const { rows } = await tx.query<{ type: Format }>(CANCEL_ORDER, [orderId, owner.userId, owner.brandIds]);
  const canceled = rows[0];
  if (!canceled) {
    const existing = await tx.query<{ status: string }>(GET_ORDER, [orderId, owner.userId, owner.brandIds]);
    if (!existing.rows[0]) throw notFound('Order');
    throw conflict(`The order is already ${existing.rows[0].status}`);
  }
  await tx.query(CANCEL_ORDER_ITEMS, [orderId]);
  const jobs = await tx.query(CANCEL_ORDER_JOBS, [orderId]);
  const settled = await settleEndedOrder(tx, orderId, 'canceled');
  return { type: canceled.type, jobsCanceled: jobs.rows.length, released: settled.released };
}

/**
 * An operator's cancel of any user's order (a stuck one, typically): the owner's cancel, on the
 * owner's behalf, so quota is released once and clients get `end` all the same.
 */
export async function cancelAnyOrder(
  tx: Queryable,
  orderId: string,
): Promise<CanceledOrder & { userId: string }> {
  const owner = (await tx.query<{ user_id: string }>(FIND_ORDER_OWNER, [orderId])).rows[0];
  if (!owner) throw notFound('Order');
  return {
    userId: owner.user_id,
    ...(await cancelOrder(tx, orderId, { userId: owner.user_id, brandIds: null })),
  };
}
