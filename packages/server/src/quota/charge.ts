import type { Queryable } from '../db/types.js';
import { CHARGE_ORDER } from '../sql/quota/charge-order.js';
import type { QuotaCost } from './cost.js';

export interface ChargeResult {
  brandId: string;
  /** The brand's counters after the charge; null for an admin-bypass order (it reserved nothing). */
  imagesUsed: number | null;
  reelsUsed: number | null;
  woofsUsed: number | null;
}

/**
 * Moves one delivered asset's cost from reserved to used, on the order and its brand's counters,
 * never past what the order reserved. Call it in the transaction where the item turned completed,
 * so an asset is charged once. Throws when the order was settled before its delivery, which would
 * otherwise leave a delivered asset unpaid.
 *
 * @example
 * await chargeOrder(tx, orderId, { images: 1, reels: 0, woofs: 0 });
 */
export async function chargeOrder(tx: Queryable, orderId: string, cost: QuotaCost): Promise<ChargeResult> {
  const { rows } = await tx.query<{
    brand_id: string;
    images_used: number | null;
    reels_used: number | null;
    woofs_used: number | null;
  }>(CHARGE_ORDER, [orderId, cost.images, cost.reels, cost.woofs]);
  const row = rows[0];
  if (!row) throw new Error(`Order ${orderId} was settled before its delivery`);
  return {
    brandId: row.brand_id,
    imagesUsed: row.images_used,
    reelsUsed: row.reels_used,
    woofsUsed: row.woofs_used,
  };
}
