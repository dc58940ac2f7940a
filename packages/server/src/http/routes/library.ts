import type { Format, LibraryEntry, ListLibraryQuery } from '@alfie/core/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps.js';
import { toAsset } from '../../orders/shapes.js';
import { LIST_LIBRARY_ORDERS } from '../../sql/library/list-library-orders.js';
import { LIST_ORDER_ASSETS } from '../../sql/orders/list-order-assets.js';
import { chosenVariantFirst } from '../../variants/chosen-first.js';
import type { AppEnv } from '../env.js';
import { requireUser } from '../middleware/auth.js';
import { decodeCursor, pageSize, toPage } from '../pagination.js';
import { validateQuery } from '../validation.js';

interface LibraryOrderRow {
  id: string;
  brand_id: string;
  type: Format;
  topic: string;
  created_at: Date;
  count: number;
  reused_from_order_id: string | null;
  variant_count: number | null;
  chosen_variant: number | null;
}

/**
 * GET /v1/library: the caller's delivered files, one entry per order (a carousel's slides together,
 * sorted by slide), newest first, filterable by brand, format and order.
 */
export function libraryRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/library', async (c) => {
    const user = requireUser(c);
    const query = validateQuery<ListLibraryQuery>('listLibraryQuerySchema', c);
    const limit = pageSize(query.limit);
    const { rows } = await deps.db.query<LibraryOrderRow>(LIST_LIBRARY_ORDERS, [
      user.userId,
      user.brandIds,
      query.brandId ?? null,
      query.type ?? null,
      query.orderId ?? null,
      decodeCursor(query.cursor),
      limit + 1,
    ]);
    const pageIds = rows.slice(0, limit).map((row) => row.id);
    const assets = pageIds.length
      ? (await deps.db.query(LIST_ORDER_ASSETS, [pageIds, user.userId])).rows.map(toAsset)
      : [];
    const page = toPage(
      rows,
      limit,
      (row): LibraryEntry => ({
        orderId: row.id,
        brandId: row.brand_id,
        format: row.type,
        topic: row.topic,
        createdAt: row.created_at.toISOString(),
        assets: chosenVariantFirst(
          assets.filter((asset) => asset.orderId === row.id),
          { format: row.type, count: row.count, chosenVariant: row.chosen_variant },
        ),
        reusedFromOrderId: row.reused_from_order_id,
        variants: row.variant_count,
        chosenVariant: row.chosen_variant,
      }),
    );
    return c.json(page);
  });
  return app;
}
