import { randomUUID } from 'node:crypto';
import type { Locale } from '@alfie/core/contract';
import type { Db } from '../../db/types.js';
import { appendOrderEnd } from '../../events/append.js';
import type { Metrics } from '../../metrics/metrics.js';
import { CREATE_REUSE_ORDER } from '../../sql/reuse/create-reuse-order.js';

export interface ReuseInput {
  userId: string;
  brandId: string;
  /** The order whose files are delivered again. */
  sourceOrderId: string;
  /** The topic as this request asked it (the library shows what the user asked). */
  topic: string;
  period: number;
  idempotencyKey: string | null;
  requestHash: string;
  locale?: Locale;
}

/**
 * Delivers an earlier order's files as a new order: completed at once, charged nothing, no render,
 * no job (sql/reuse/create-reuse-order.ts). Watchers get its `status` and `end` events like any
 * order's. Returns null when the source is not the caller's completed order of that brand.
 * Throws the database's 23505 on an Idempotency-Key race, as createOrder does.
 *
 * @example
 * const reused = await createReuseOrder(db, metrics, { userId, brandId, sourceOrderId: match.orderId, ... });
 */
export async function createReuseOrder(
  db: Db,
  metrics: Metrics | undefined,
  input: ReuseInput,
): Promise<{ orderId: string; items: number; type: string } | null> {
  const orderId = randomUUID();
  const created = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; type: string; items: number }>(CREATE_REUSE_ORDER, [
      orderId,
      input.sourceOrderId,
      input.userId,
      input.brandId,
      input.topic,
      input.period,
      input.idempotencyKey,
      input.idempotencyKey ? input.requestHash : null,
      JSON.stringify(input.locale ? { locale: input.locale } : {}),
    ]);
    const row = rows[0];
    if (!row) return null;
    await appendOrderEnd(tx, orderId, 'completed');
    return row;
  });
  if (!created) return null;
  metrics?.orderReused(created.type, created.items);
  return { orderId, items: created.items, type: created.type };
}
