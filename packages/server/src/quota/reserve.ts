import type { Queryable } from '../db/types.js';
import { RESERVE_QUOTA } from '../sql/quota/reserve-quota.js';
import type { QuotaCost } from './cost.js';

/**
 * Reserves `cost` for the brand in `period`, inside the caller's transaction, or returns false
 * when it would pass the plan. Race-free: `reserve_quota` (src/sql/quota/reserve-quota-function.ts,
 * the same function POST /v1/generate's statement reserves with) holds the counters row lock until
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
  const { rows } = await tx.query<{ reserved: boolean }>(RESERVE_QUOTA, [
    brandId,
    period,
    cost.images,
    cost.reels,
    cost.woofs,
  ]);
  return rows[0]?.reserved === true;
}
