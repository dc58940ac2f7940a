import {
  type ChooseVariantRequest,
  type ReportPerformanceRequest,
  VARIANT_STYLES,
  type VariantsReport,
} from '@alfie/core/contract';
import { Hono } from 'hono';
import { isUuid, type UserPrincipal } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { conflict, notFound, validationFailed } from '../../errors.js';
import { CHOOSE_VARIANT } from '../../sql/variants/choose-variant.js';
import { FIND_VARIANT_ORDER } from '../../sql/variants/find-variant-order.js';
import { LIST_VARIANTS } from '../../sql/variants/list-variants.js';
import { SAVE_PERFORMANCE } from '../../sql/variants/save-performance.js';
import { verdict } from '../../variants/verdict.js';
import type { AppEnv } from '../env.js';
import { requireUser } from '../middleware/auth.js';
import { readJson, validate } from '../validation.js';

interface VariantRow {
  order_id: string;
  variant_count: number;
  chosen_variant: number | null;
  variant: number;
  url: string | null;
  impressions: number;
  clicks: number;
}

/**
 * The A/B test of an order with variants:
 * - GET /v1/orders/:id/variants: each variant's file, counts and rate, the choice, and the verdict;
 * - POST /v1/orders/:id/variants/choose `{ variant }`: stores the user's pick;
 * - POST /v1/orders/:id/variants/performance `{ variants: [{ variant, impressions, clicks }] }`:
 *   the host app's totals so far (each report replaces the previous one), answered with the report.
 * An order that is not the caller's is a 404; one without variants is a 409 CONFLICT.
 */
export function variantsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function report(user: UserPrincipal, orderId: string): Promise<VariantsReport> {
    const { rows } = await deps.db.query<VariantRow>(LIST_VARIANTS, [orderId, user.userId, user.brandIds]);
    const first = rows[0];
    if (!first) {
      await requireVariantOrder(user, orderId);
      throw notFound('Order');
    }
    const counts = rows.map((r) => ({ variant: r.variant, impressions: r.impressions, clicks: r.clicks }));
    return {
      orderId,
      chosenVariant: first.chosen_variant,
      variants: rows.map((r) => ({
        variant: r.variant,
        style: VARIANT_STYLES[r.variant] ?? 'classic',
        impressions: r.impressions,
        clicks: r.clicks,
        rate: r.impressions > 0 ? r.clicks / r.impressions : null,
        url: r.url,
        chosen: r.variant === r.chosen_variant,
      })),
      verdict: verdict(first.variant_count, counts),
    };
  }

  /** 404 for an order the caller cannot see, 409 for one without variants. */
  async function requireVariantOrder(user: UserPrincipal, raw: string): Promise<number> {
    if (!isUuid(raw)) throw notFound('Order');
    const { rows } = await deps.db.query<{ variant_count: number | null }>(FIND_VARIANT_ORDER, [
      raw.toLowerCase(),
      user.userId,
      user.brandIds,
    ]);
    const order = rows[0];
    if (!order) throw notFound('Order');
    if (order.variant_count === null) throw conflict('This order has no variants');
    return order.variant_count;
  }

  app.get('/v1/orders/:id/variants', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    await requireVariantOrder(user, id);
    return c.json(await report(user, id.toLowerCase()));
  });

  app.post('/v1/orders/:id/variants/choose', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    const body = validate<ChooseVariantRequest>('chooseVariantSchema', await readJson(c));
    const count = await requireVariantOrder(user, id);
    if (body.variant >= count) {
      throw validationFailed('No such variant', [
        { path: '/variant', message: `must be below ${count}, the order's variant count` },
      ]);
    }
    const { rows } = await deps.db.query(CHOOSE_VARIANT, [
      id.toLowerCase(),
      body.variant,
      user.userId,
      user.brandIds,
    ]);
    if (rows.length === 0) throw conflict('That variant was not delivered (or the order is still running)');
    return c.json(await report(user, id.toLowerCase()));
  });

  app.post('/v1/orders/:id/variants/performance', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    const body = validate<ReportPerformanceRequest>('reportPerformanceSchema', await readJson(c));
    const count = await requireVariantOrder(user, id);
    const issues = body.variants.flatMap((v, i) => [
      ...(v.variant >= count ? [{ path: `/variants/${i}/variant`, message: `must be below ${count}` }] : []),
      ...(v.clicks > v.impressions
        ? [{ path: `/variants/${i}/clicks`, message: 'must not exceed impressions' }]
        : []),
    ]);
    const seen = new Set(body.variants.map((v) => v.variant));
    if (seen.size !== body.variants.length)
      issues.push({ path: '/variants', message: 'lists a variant twice' });
    if (issues.length > 0) throw validationFailed('The request body is invalid', issues);
    await deps.db.query(SAVE_PERFORMANCE, [
      id.toLowerCase(),
      user.userId,
      user.brandIds,
      JSON.stringify(body.variants),
    ]);
    return c.json(await report(user, id.toLowerCase()));
  });

  return app;
}
