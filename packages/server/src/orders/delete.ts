import { type DeleteOrderResponse, isTerminalOrderStatus, type OrderStatus } from '@alfie/core/contract';
import type { Queryable } from '../db/types.js';
import { ApiError, conflict, notFound } from '../errors.js';
import type { Logger } from '../logger.js';
import { settleOrder } from '../quota/release.js';
import { DELETE_ORDER } from '../sql/orders/delete-order.js';
import { LIST_ORDER_STORED_FILES } from '../sql/orders/list-order-stored-files.js';
import { LOCK_OWN_ORDER } from '../sql/orders/lock-own-order.js';
import type { Storage } from '../storage/types.js';
import type { OrderOwner } from './cancel.js';

/**
 * Deletes an ended order (completed, partial, failed or canceled; a running one must be canceled
 * first: CONFLICT) with its stored files, then its rows (items, job, assets, events cascade).
 *
 * Files go first, inside the transaction that holds the order's row lock: if storage fails, the
 * rows stay and the call can be retried (storages ignore ids already gone); if the database fails
 * after, the files are gone but the rows say what was there, and a retry finishes the job.
 *
 * Quota is not refunded for delivered assets: the monthly counters measure generation (engine
 * work already paid for), not storage, and a refund would let anyone generate without limit by
 * deleting what they downloaded. Anything still reserved but never delivered is released by
 * settleOrder (a no-op for an order already settled when it ended).
 *
 * @example
 * const deleted = await db.transaction((tx) => deleteOrder(tx, orderId, user, storage, log));
 */
export async function deleteOrder(
  tx: Queryable,
  orderId: string,
  owner: OrderOwner,
  storage: Storage,
  log: Pick<Logger, 'error'>,
): Promise<DeleteOrderResponse> {
  const { rows } = await tx.query<{ status: OrderStatus }>(LOCK_OWN_ORDER, [
    orderId,
    owner.userId,
    owner.brandIds,
  ]);
  const order = rows[0];
  if (!order) throw notFound('Order');
  if (!isTerminalOrderStatus(order.status)) {
    throw conflict(`The order is ${order.status}: cancel it first (POST /v1/orders/${orderId}/cancel)`);
  }
  const files = await tx.query<{ public_id: string; poster_public_id: string | null }>(
    LIST_ORDER_STORED_FILES,
    [orderId],
  );
  const publicIds = files.rows.flatMap((row) =>
    row.poster_public_id ? [row.public_id, row.poster_public_id] : [row.public_id],
  );
  if (publicIds.length > 0) {
    try {
      await storage.delete(publicIds);
    } catch (error) {
      log.error({ err: error, orderId, storage: storage.name }, 'order files not deleted');
      throw new ApiError('INTERNAL', 'The stored files could not be deleted; nothing was deleted, retry');
    }
  }
  await settleOrder(tx, orderId);
  await tx.query(DELETE_ORDER, [orderId]);
  return { orderId, deletedAssets: files.rows.length };
}
