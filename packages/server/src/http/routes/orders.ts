import {
  type DeleteOrderResponse,
  isTerminalOrderStatus,
  type ListOrdersQuery,
  type OrderStatus,
} from '@alfie/core/contract';
import { Hono } from 'hono';
import { isUuid } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { appendOrderEnd } from '../../events/append.js';
import { CANCEL_ORDER_JOBS } from '../../sql/jobs/cancel-order-jobs.js';
import { CANCEL_ORDER } from '../../sql/orders/cancel-order.js';
import { CANCEL_ORDER_ITEMS } from '../../sql/orders/cancel-order-items.js';
import { DELETE_ORDER } from '../../sql/orders/delete-order.js';
import { GET_ORDER } from '../../sql/orders/get-order.js';
import { LIST_ORDER_STORED_FILES } from '../../sql/orders/list-order-stored-files.js';
import { LIST_ORDERS } from '../../sql/orders/list-orders.js';
import { LOCK_OWN_ORDER } from '../../sql/orders/lock-own-order.js';
import { createLocalStorage } from '../../storage/local-storage.js';
import { settleOrder } from '../../worker/settle.js';
import type { AppEnv } from '../env.js';
import { ApiError, conflict, notFound } from '../errors.js';
import { toOrder } from '../mappers.js';
import { requireUser } from '../middleware/auth.js';
import { decodeCursor, pageSize, toPage } from '../pagination.js';
import { validateQuery } from '../validation.js';
import { loadOrderDetail } from './order-detail.js';

/**
 * GET /v1/orders, GET /v1/orders/:id, POST /v1/orders/:id/cancel, DELETE /v1/orders/:id.
 * Another user's order is 404.
 */
export function ordersRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Without an injected storage the app serves local files from config.dataDir (files route), so
  // that is where an order's files are.
  const storage =
    deps.storage ?? createLocalStorage({ dataDir: deps.config.dataDir, publicUrl: deps.config.publicUrl });

  app.get('/v1/orders', async (c) => {
    const user = requireUser(c);
    const query = validateQuery<ListOrdersQuery>('listOrdersQuerySchema', c);
    const limit = pageSize(query.limit);
    const { rows } = await deps.db.query<{ id: string }>(LIST_ORDERS, [
      user.userId,
      user.brandIds,
      query.brandId ?? null,
      query.status ?? null,
      decodeCursor(query.cursor),
      limit + 1,
    ]);
    return c.json(toPage(rows, limit, toOrder));
  });

  app.get('/v1/orders/:id', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    const detail = isUuid(id) ? await loadOrderDetail(deps.db, user, id.toLowerCase()) : null;
    if (!detail) throw notFound('Order');
    return c.json(detail);
  });

  /**
   * Stops a pending or processing order: its undelivered items and its job are canceled, the quota
   * it reserved but did not use is released (settleOrder), and SSE clients get `status` and `end`.
   */
  app.post('/v1/orders/:id/cancel', async (c) => {
    const user = requireUser(c);
    const raw = c.req.param('id');
    if (!isUuid(raw)) throw notFound('Order');
    const id = raw.toLowerCase();
    const detail = await deps.db.transaction(async (tx) => {
      const { rows } = await tx.query(CANCEL_ORDER, [id, user.userId, user.brandIds]);
      if (!rows[0]) {
        const existing = await tx.query<{ status: OrderStatus }>(GET_ORDER, [id, user.userId, user.brandIds]);
        if (!existing.rows[0]) throw notFound('Order');
        throw conflict(`The order is already ${existing.rows[0].status}`);
      }
      await tx.query(CANCEL_ORDER_ITEMS, [id]);
      const jobs = await tx.query(CANCEL_ORDER_JOBS, [id]);
      deps.metrics?.jobsCanceled(String(rows[0].type), jobs.rows.length);
      const settled = await settleOrder(tx, id);
      await appendOrderEnd(tx, id, 'canceled');
      c.get('log').info({ orderId: id, userId: user.userId, released: settled.released }, 'order canceled');
      return loadOrderDetail(tx, user, id);
    });
    return c.json(detail);
  });

  /**
   * Deletes an ended order (completed, partial, failed or canceled; a running one must be canceled
   * first: 409) with its stored files, then its rows (items, job, assets, events cascade).
   *
   * Files go first, inside the transaction that holds the order's row lock: if storage fails, the
   * rows stay and the call can be retried (storages ignore ids already gone); if the database fails
   * after, the files are gone but the rows say what was there, and a retry finishes the job.
   *
   * Quota is not refunded for delivered assets: the monthly counters measure generation (engine
   * work already paid for), not storage, and a refund would let anyone generate without limit by
   * deleting what they downloaded. Anything still reserved but never delivered is released by
   * settleOrder (a no-op for an order already settled when it ended).
   */
  app.delete('/v1/orders/:id', async (c) => {
    const user = requireUser(c);
    const raw = c.req.param('id');
    if (!isUuid(raw)) throw notFound('Order');
    const id = raw.toLowerCase();
    const result = await deps.db.transaction(async (tx): Promise<DeleteOrderResponse> => {
      const { rows } = await tx.query<{ status: OrderStatus }>(LOCK_OWN_ORDER, [
        id,
        user.userId,
        user.brandIds,
      ]);
      const order = rows[0];
      if (!order) throw notFound('Order');
      if (!isTerminalOrderStatus(order.status)) {
        throw conflict(`The order is ${order.status}: cancel it first (POST /v1/orders/${id}/cancel)`);
      }
      const files = await tx.query<{ public_id: string; poster_public_id: string | null }>(
        LIST_ORDER_STORED_FILES,
        [id],
      );
      const publicIds = files.rows.flatMap((row) =>
        row.poster_public_id ? [row.public_id, row.poster_public_id] : [row.public_id],
      );
      if (publicIds.length > 0) {
        try {
          await storage.delete(publicIds);
        } catch (error) {
          c.get('log').error({ err: error, orderId: id, storage: storage.name }, 'order files not deleted');
          throw new ApiError('INTERNAL', 'The stored files could not be deleted; nothing was deleted, retry');
        }
      }
      await settleOrder(tx, id);
      await tx.query(DELETE_ORDER, [id]);
      return { orderId: id, deletedAssets: files.rows.length };
    });
    c.get('log').info(
      { orderId: id, userId: user.userId, deletedAssets: result.deletedAssets, storage: storage.name },
      'order deleted',
    );
    return c.json(result);
  });

  return app;
}
