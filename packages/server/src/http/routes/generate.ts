import { createHash } from 'node:crypto';
import type { GenerateRequest, GenerateResponse, ReuseOffer } from '@alfie/core/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps.js';
import { conflict, validationFailed } from '../../errors.js';
import { type CreatedOrder, createOrder, IdempotencyRace } from '../../orders/create.js';
import { normalizeGenerate, requestHash } from '../../orders/plan.js';
import { applyReusePolicy } from '../../orders/reuse/apply-policy.js';
import { periodOf } from '../../quota/period.js';
import { FIND_ORDER_BY_IDEMPOTENCY_KEY } from '../../sql/orders/find-order-by-idempotency-key.js';
import type { AppEnv } from '../env.js';
import { requireUser } from '../middleware/auth.js';
import { FALLBACK_LOCALE, localeFromAcceptLanguage } from '../order-locale.js';
import { readJson, validate } from '../validation.js';

/**
 * POST /v1/generate: validate, then in ONE statement (one round trip,
 * atomic) reserve quota and create the order, its items and its job (see orders/create.ts). A
 * refused request writes nothing. With an Idempotency-Key, a repeat of the same request answers
 * 200 with the first order and charges nothing; the same key with another request is a 409 CONFLICT.
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
    const body = validate<GenerateRequest>('generateRequestSchema', await readJson(c));
    const request = normalizeGenerate(body);
    // A locale is part of what was asked; without one the hash stays what it always was.
    const hash = body.locale
      ? createHash('sha256')
          .update(`${requestHash(request)}|locale=${body.locale}`)
          .digest('hex')
      : requestHash(request);
    // Variants and reuse choices are part of what was asked too, hashed in only when present.
    const extras = [
      body.variants && `variants=${body.variants}`,
      body.reuse && `reuse=${body.reuse}`,
      body.reuseOf && `reuseOf=${body.reuseOf}`,
    ].filter(Boolean);
    const fullHash = extras.length
      ? createHash('sha256')
          .update(`${hash}|${extras.join('|')}`)
          .digest('hex')
      : hash;

    // Reuse of similar generations (src/orders/reuse): an offer or a free, completed order instead of a render.
    const decision = await applyReusePolicy(deps, {
      user,
      request,
      policy: body.reuse ?? 'never',
      reuseOf: body.reuseOf ?? null,
      idempotencyKey: key ?? null,
      requestHash: fullHash,
      period: periodOf(now()),
      locale: body.locale,
    }).catch(async (error) => {
      if (!(error instanceof IdempotencyRace) || !key) throw error;
      return { kind: 'raced' as const };
    });
    if (decision.kind === 'offer') return c.json({ offer: decision.match } satisfies ReuseOffer, 200);
    if (decision.kind === 'reused') {
      const reused: GenerateResponse = {
        orderId: decision.orderId,
        jobId: null,
        reusedFromOrderId: decision.reusedFromOrderId,
      };
      return c.json(reused, 201);
    }
    if (decision.kind === 'raced') {
      const winner = await findByKey(user.userId, key!, fullHash);
      if (winner) return c.json(winner, 200);
    }

    let created: CreatedOrder;
    try {
      created = await createOrder(deps.db, deps, {
        user,
        request,
        idempotencyKey: key ?? null,
        requestHash: fullHash,
        period: periodOf(now()),
        requestId: c.get('requestId'),
        // The request's language, else the brand's (read in the creating statement), else the browser's.
        locale: body.locale,
        fallbackLocale: localeFromAcceptLanguage(c.req.header('accept-language')) ?? FALLBACK_LOCALE,
      });
    } catch (error) {
      // Two first requests with one key: the loser's statement rolled back entirely; answer the winner.
      if (!(error instanceof IdempotencyRace) || !key) throw error;
      const winner = await findByKey(user.userId, key, fullHash);
      if (!winner) throw error;
      return c.json(winner, 200);
    }
    const response: GenerateResponse = { orderId: created.orderId, jobId: created.jobId };
    if (created.replayed) return c.json(response, 200);
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
    return c.json(response, 202);
  });

  async function findByKey(userId: string, key: string, hash: string): Promise<GenerateResponse | null> {
    const { rows } = await deps.db.query<{ id: string; request_hash: string; job_id: string }>(
      FIND_ORDER_BY_IDEMPOTENCY_KEY,
      [userId, key],
    );
    const previous = rows[0];
    if (!previous) return null;
    if (previous.request_hash !== hash)
      throw conflict('This Idempotency-Key was used with a different request');
    return { orderId: previous.id, jobId: previous.job_id };
  }

  return app;
}
