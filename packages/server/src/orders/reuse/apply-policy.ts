import type { Locale, ReuseMatch, ReusePolicy } from '@alfie/core/contract';
import type { UserPrincipal } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { conflict } from '../../errors.js';
import { FIND_ORDER_BY_IDEMPOTENCY_KEY } from '../../sql/orders/find-order-by-idempotency-key.js';
import { IdempotencyRace } from '../create.js';
import type { NormalizedGenerate } from '../plan.js';
import { createReuseOrder } from './create-reuse.js';
import { findReuseMatch } from './find-match.js';

export type ReuseDecision =
  /** Render a new order (no match, or the request said never). */
  | { kind: 'render' }
  /** `offer`: nothing created; the user chooses. */
  | { kind: 'offer'; match: ReuseMatch }
  /** A reuse order was created, completed and free. */
  | { kind: 'reused'; orderId: string; reusedFromOrderId: string };

export interface ReuseRequest {
  user: UserPrincipal;
  request: NormalizedGenerate;
  policy: ReusePolicy;
  /** An offered match the user accepted. */
  reuseOf: string | null;
  idempotencyKey: string | null;
  requestHash: string;
  period: number;
  locale?: Locale;
}

/**
 * What `POST /v1/generate` does about earlier generations, before any quota is reserved. A request
 * replaying an Idempotency-Key goes to the normal path, which answers the first order again.
 * Throws CONFLICT when `reuseOf` names an order that no longer matches (deleted, or the brand's
 * style changed since it was offered).
 *
 * @example
 * const decision = await applyReusePolicy(deps, { user, request, policy: 'auto', reuseOf: null, ... });
 * if (decision.kind === 'reused') return c.json({ orderId: decision.orderId, jobId: null }, 201);
 */
export async function applyReusePolicy(deps: AppDeps, input: ReuseRequest): Promise<ReuseDecision> {
  const { user, request } = input;
  if (input.policy === 'never' && !input.reuseOf) return { kind: 'render' };
  if (input.idempotencyKey) {
    const { rows } = await deps.db.query(FIND_ORDER_BY_IDEMPOTENCY_KEY, [user.userId, input.idempotencyKey]);
    if (rows.length > 0) return { kind: 'render' };
  }
  const match = await findReuseMatch(deps.db, user, request, input.reuseOf);
  if (!match) {
    if (input.reuseOf) throw conflict('The order to reuse no longer matches this request');
    return { kind: 'render' };
  }
  if (input.policy === 'offer' && !input.reuseOf) {
    deps.metrics?.reuseOffers.inc({ type: request.format });
    return { kind: 'offer', match };
  }
  let reused: Awaited<ReturnType<typeof createReuseOrder>>;
  try {
    reused = await createReuseOrder(deps.db, deps.metrics, {
      userId: user.userId,
      brandId: request.brandId,
      sourceOrderId: match.orderId,
      topic: request.topic,
      period: input.period,
      idempotencyKey: input.idempotencyKey,
      requestHash: input.requestHash,
      locale: input.locale,
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new IdempotencyRace();
    throw error;
  }
  // The match was deleted between the two statements: render as if there had been none.
  if (!reused) return { kind: 'render' };
  return { kind: 'reused', orderId: reused.orderId, reusedFromOrderId: match.orderId };
}
