import type { TerminalOrderStatus } from '@alfie/core/contract';
import type { Queryable } from '../db/types.js';
import { appendOrderEnd } from '../events/append.js';
import { type SettleResult, settleOrder } from '../quota/release.js';

/**
 * What every order that has just ended goes through, whoever ended it (the worker's finish, the
 * owner's cancel, an operator's cancel): the quota it reserved and did not use is released, once,
 * and its watchers get the final `status` then `end`. Call it in the transaction that ended it.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.query(CANCEL_ORDER, [orderId, userId, null]);
 *   await settleEndedOrder(tx, orderId, 'canceled');
 * });
 */
export async function settleEndedOrder(
  tx: Queryable,
  orderId: string,
  status: TerminalOrderStatus,
): Promise<SettleResult> {
  const settled = await settleOrder(tx, orderId);
  await appendOrderEnd(tx, orderId, status);
  return settled;
}
