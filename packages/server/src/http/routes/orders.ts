import type { ListOrdersQuery, OrderStatus } from '@alfie/core/contract';
import { Hono } from 'hono';
import { isUuid } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { appendOrderEnd } from '../../events/append.js';
import { CANCEL_ORDER_JOBS } from '../../sql/jobs/cancel-order-jobs.js';
import { CANCEL_ORDER } from '../../sql/orders/cancel-order.js';
import { CANCEL_ORDER_ITEMS } from '../../sql/orders/cancel-order-items.js';
import { GET_ORDER } from '../../sql/orders/get-order.js';
import { LIST_ORDERS } from '../../sql/orders/list-orders.js';
import { settleOrder } from '../../worker/settle.js';
import type { AppEnv } from '../env.js';
import { conflict, notFound } from '../errors.js';
import { toOrder } from '../mappers.js';
import { requireUser } from '../middleware/auth.js';
import { decodeCursor, pageSize, toPage } from '../pagination.js';
import { validateQuery } from '../validation.js';
import { loadOrderDetail } from './order-detail.js';

/** GET /v1/orders, GET /v1/orders/:id, POST /v1/orders/:id/cancel. Another user's order is 404. */
export function ordersRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

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

  return app;
}
