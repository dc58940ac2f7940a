import type { Asset } from '@alfie/core/contract';
import type { Queryable } from '../db/types.js';
import { appendOrderEvent } from '../events/append.js';
import type { QueueLogger } from '../queue/types.js';
import { chargeOrder } from '../quota/charge.js';
import type { QuotaCost } from '../quota/cost.js';
import { COMPLETE_ITEM } from '../sql/queue/complete-item.js';
import { FAIL_ITEMS } from '../sql/queue/fail-items.js';
import { INSERT_LIBRARY_ASSET } from '../sql/queue/insert-library-asset.js';
import { INSERT_MEDIA_GENERATION } from '../sql/queue/insert-media-generation.js';
import { LOCK_OPEN_ORDER } from '../sql/queue/lock-open-order.js';
import { type OrderItemRow, toAsset, toOrderItem } from './shapes.js';

/** What a render hands to delivery: the asset before its row exists (the row gives id and createdAt). */
export type AssetInput = Omit<Asset, 'id' | 'createdAt'>;

/** The order an item belongs to, as much of it as a delivery writes. */
interface DeliveryOrder {
  id: string;
  user_id: string;
  brand_id: string;
}

export type DeliveryResult = 'delivered' | 'closed' | 'duplicate';

export interface Delivery {
  asset: AssetInput;
  /** library_assets for images and slides, media_generations for videos. */
  table: 'library_assets' | 'media_generations';
  metadata: Record<string, unknown>;
  charge: QuotaCost;
}

/**
 * Records one delivered item in ONE transaction: the asset row, the item's status, the quota
 * charge and the `asset` + `item` events. Either all of it is visible or none, so the client sees
 * each slide the moment it commits, and a crash can never leave a delivered slide uncharged or
 * charged twice (the item's pending -> completed transition is the once-only guard).
 * Nothing is written when the order was closed meanwhile (`closed`: canceled) or the item was
 * already delivered by an earlier attempt (`duplicate`).
 */
export async function deliverItem(
  tx: Queryable,
  order: DeliveryOrder,
  item: { id: string },
  delivery: Delivery,
  log: QueueLogger,
): Promise<DeliveryResult> {
  const open = await tx.query(LOCK_OPEN_ORDER, [order.id]);
  if (open.rows.length === 0) return 'closed';
  const { asset } = delivery;
  const inserted =
    delivery.table === 'library_assets'
      ? await tx.query(INSERT_LIBRARY_ASSET, [
          order.user_id,
          order.brand_id,
          order.id,
          item.id,
          asset.type,
          asset.url,
          asset.publicId,
          asset.slideIndex,
          asset.text ? JSON.stringify(asset.text) : null,
          JSON.stringify(delivery.metadata),
          asset.width,
          asset.height,
          asset.mimeType,
        ])
      : await tx.query(INSERT_MEDIA_GENERATION, [
          order.user_id,
          order.brand_id,
          order.id,
          item.id,
          asset.url,
          asset.thumbnailUrl,
          asset.publicId,
          JSON.stringify(delivery.metadata),
          delivery.charge.woofs,
          asset.durationSeconds,
          asset.width,
          asset.height,
          asset.mimeType,
        ]);
  const assetRow = inserted.rows[0];
  if (!assetRow) return 'duplicate';
  const completed = await tx.query<OrderItemRow>(COMPLETE_ITEM, [item.id]);
  const itemRow = completed.rows[0];
  if (!itemRow) throw new Error(`Item ${item.id} has an asset but was not open`);
  const { charge } = delivery;
  const charged = await chargeOrder(tx, order.id, charge);
  await appendOrderEvent(tx, { type: 'asset', orderId: order.id, asset: toAsset(assetRow) });
  await appendOrderEvent(tx, { type: 'item', orderId: order.id, item: toOrderItem(itemRow) });
  // One line per charge, as fields, so an operator can follow a brand's counters in the logs.
  log.info(
    {
      event: 'counters_updated',
      orderId: order.id,
      charged: charge,
      ...charged,
    },
    'counters updated',
  );
  return 'delivered';
}

/** Fails one item for good (a permanent engine error) and tells the client, if the order is open. */
export async function failItem(
  tx: Queryable,
  order: { id: string },
  item: { id: string },
  error: string,
): Promise<void> {
  const open = await tx.query(LOCK_OPEN_ORDER, [order.id]);
  if (open.rows.length === 0) return;
  const { rows } = await tx.query<OrderItemRow>(FAIL_ITEMS, [[item.id], error]);
  for (const row of rows)
    await appendOrderEvent(tx, { type: 'item', orderId: order.id, item: toOrderItem(row) });
}
