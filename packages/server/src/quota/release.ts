import type { Queryable } from '../db/types.js';
import { RELEASE_UNUSED } from '../sql/quota/release-unused.js';
import { NO_COST, type QuotaCost } from './cost.js';

export interface SettleResult {
  /** False when the order was already settled (or does not exist): nothing was released. */
  settled: boolean;
  released: QuotaCost;
}

/**
 * Releases whatever quota the order reserved but was not charged for, exactly once.
 * Call it inside the transaction that moves the order to a final status (orders/finish.ts,
 * orders/cancel.ts) or deletes it. A second call finds `settled_at` set and releases nothing.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.query(`update orders set status = 'canceled' where id = $1`, [orderId]);
 *   await settleOrder(tx, orderId);
 * });
 */
export async function settleOrder(tx: Queryable, orderId: string): Promise<SettleResult> {
  const { rows } = await tx.query<QuotaCost>(RELEASE_UNUSED, [orderId]);
  const row = rows[0];
  if (!row) return { settled: false, released: NO_COST };
  return { settled: true, released: { images: row.images, reels: row.reels, woofs: row.woofs } };
}
