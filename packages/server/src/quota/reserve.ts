import type { Queryable } from '../db/types.js';
import { ENSURE_COUNTERS } from '../sql/quota/ensure-counters.js';
import { RESERVE_QUOTA } from '../sql/quota/reserve-quota.js';
import type { QuotaCost } from './cost.js';

/**
 * Reserves `cost` for the brand in `period`, inside the caller's transaction, or returns false
 * when it would pass the plan. Race-free: the conditional UPDATE holds the counters row lock until
 * the transaction ends, and PostgreSQL re-evaluates its WHERE against the latest committed row.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   if (!(await reserveQuota(tx, brandId, 202611, { images: 5, reels: 0, woofs: 0 }))) throw quotaExceeded();
 * });
 */
export async function reserveQuota(
  tx: Queryable,
  brandId: string,
  period: number,
  cost: QuotaCost,
): Promise<boolean> {
  await tx.query(ENSURE_COUNTERS, [brandId, period]);
  const { rowCount } = await tx.query(RESERVE_QUOTA, [brandId, period, cost.images, cost.reels, cost.woofs]);
  return rowCount === 1;
}
