import type { Queryable } from '../db/types.js';
import { SETTLE_ORDER } from '../sql/settle/settle-order.js';

export interface SettleResult {
  /** False when the order was already settled (or does not exist): nothing was released. */
  settled: boolean;
  released: { images: number; reels: number; woofs: number };
}

/**
 * Releases whatever quota the order reserved but was not charged for, exactly once.
 * Call it inside the transaction that moves the order to a final status (the worker's finish, the
 * cancel route). A second call finds `settled_at` set and releases nothing.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.query(`update orders set status = 'canceled' where id = $1`, [orderId]);
 *   await settleOrder(tx, orderId);
 * });
 */
export async function settleOrder(tx: Queryable, orderId: string): Promise<SettleResult> {
  const { rows } = await tx.query<{ images: number; reels: number; woofs: number }>(SETTLE_ORDER, [orderId]);
  const row = rows[0];
  if (!row) return { settled: false, released: { images: 0, reels: 0, woofs: 0 } };
  return { settled: true, released: { images: row.images, reels: row.reels, woofs: row.woofs } };
}
