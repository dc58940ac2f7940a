import type { ListOrdersQuery } from '@alfie/core/contract';
import { Hono } from 'hono';
import { isUuid } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { cancelOrder } from '../../orders/cancel.js';
import { deleteOrder } from '../../orders/delete.js';
import { loadOrderDetail } from '../../orders/detail.js';
import { toOrder } from '../../orders/shapes.js';
import { LIST_ORDERS } from '../../sql/orders/list-orders.js';
import { createLocalStorage } from '../../storage/local-storage.js';
import type { AppEnv } from '../env.js';
import { requireUser } from '../middleware/auth.js';
import { decodeCursor, pageSize, toPage } from '../pagination.js';
import { validateQuery } from '../validation.js';

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

  /** Stops a pending or processing order (orders/cancel.ts) and answers its detail. */
  app.post('/v1/orders/:id/cancel', async (c) => {
    const user = requireUser(c);
    const raw = c.req.param('id');
    if (!isUuid(raw)) throw notFound('Order');
    const id = raw.toLowerCase();
    const detail = await deps.db.transaction(async (tx) => {
      const canceled = await cancelOrder(tx, id, user);
      deps.metrics?.jobsCanceled(canceled.type, canceled.jobsCanceled);
      c.get('log').info({ orderId: id, userId: user.userId, released: canceled.released }, 'order canceled');
      return loadOrderDetail(tx, user, id);
    });
    return c.json(detail);
  });

  /** Deletes an ended order with its stored files (orders/delete.ts). */
  app.delete('/v1/orders/:id', async (c) => {
    const user = requireUser(c);
    const raw = c.req.param('id');
    if (!isUuid(raw)) throw notFound('Order');
    const id = raw.toLowerCase();
    const result = await deps.db.transaction((tx) => deleteOrder(tx, id, user, storage, c.get('log')));
    c.get('log').info(
      { orderId: id, userId: user.userId, deletedAssets: result.deletedAssets, storage: storage.name },
      'order deleted',
    );
    return c.json(result);
  });

  return app;
}
