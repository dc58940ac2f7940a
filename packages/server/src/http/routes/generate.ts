import type { GenerateRequest, GenerateResponse } from '@alfie/core/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps.js';
import { periodOf } from '../../quota/period.js';
import { FIND_ORDER_BY_IDEMPOTENCY_KEY } from '../../sql/orders/find-order-by-idempotency-key.js';
import type { AppEnv } from '../env.js';
import { conflict, validationFailed } from '../errors.js';
import { requireUser } from '../middleware/auth.js';
import { readJson, validate } from '../validation.js';
import { createOrder, IdempotencyRace } from './create-order.js';
import { normalizeGenerate, requestHash } from './generate-plan.js';

/**
 * POST /v1/generate, the seed's generate-media: validate, then in ONE transaction reserve quota and
 * create the order, its items and its job (see create-order.ts). A refused request writes nothing.
 * With an Idempotency-Key, a repeat of the same request answers 200 with the first order and
 * charges nothing; the same key with another request is a 409 CONFLICT.
 */
export function generateRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const now = deps.now ?? (() => new Date());

  app.post('/v1/generate', async (c) => {
    const user = requireUser(c);
    const key = c.req.header('idempotency-key');
    if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw validationFailed('Idempotency-Key must be 1 to 200 visible ASCII characters');
    }
    const request = normalizeGenerate(validate<GenerateRequest>('generateRequestSchema', await readJson(c)));
    const hash = requestHash(request);

    const replay = async (): Promise<GenerateResponse | null> => {
      if (!key) return null;
      const { rows } = await deps.db.query<{ id: string; request_hash: string; job_id: string }>(
        FIND_ORDER_BY_IDEMPOTENCY_KEY,
        [user.userId, key],
      );
      const previous = rows[0];
      if (!previous) return null;
      if (previous.request_hash !== hash)
        throw conflict('This Idempotency-Key was used with a different request');
      return { orderId: previous.id, jobId: previous.job_id };
    };

    const earlier = await replay();
    if (earlier) return c.json(earlier, 200);

    let created: GenerateResponse;
    try {
      created = await deps.db.transaction((tx) =>
        createOrder(tx, deps, {
          user,
          request,
          idempotencyKey: key ?? null,
          requestHash: hash,
          period: periodOf(now()),
          requestId: c.get('requestId'),
        }),
      );
    } catch (error) {
      if (!(error instanceof IdempotencyRace)) throw error;
      const winner = await replay();
      if (!winner) throw error;
      return c.json(winner, 200);
    }
    c.get('log').info(
      {
        event: 'order_created',
        orderId: created.orderId,
        jobId: created.jobId,
        userId: user.userId,
        brandId: request.brandId,
        format: request.format,
        count: request.count,
      },
      'order created',
    );
    return c.json(created, 202);
  });

  return app;
}
