import type { CreateBrandRequest, UpdateBrandRequest } from '@alfie/core/contract';
import { Hono } from 'hono';
import { isUuid } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { ApiError, forbidden, notFound } from '../../errors.js';
import { INSERT_BRAND } from '../../sql/brands/insert-brand.js';
import { INSERT_BRAND_WITHIN_LIMIT } from '../../sql/brands/insert-brand-within-limit.js';
import { LIST_BRANDS } from '../../sql/brands/list-brands.js';
import { LOCK_USER_BRAND_CREATION } from '../../sql/brands/lock-user-brand-creation.js';
import { UPDATE_BRAND } from '../../sql/brands/update-brand.js';
import { toBrand } from '../brand-shape.js';
import type { AppEnv } from '../env.js';
import { isServerCall, requireUser } from '../middleware/auth.js';
import { decodeCursor, pageSize, toPage } from '../pagination.js';
import { readJson, validate, validateQuery } from '../validation.js';

/**
 * GET/POST /v1/brands and PATCH /v1/brands/:id. The owner is the caller; the plan comes from config,
 * and only a secret API key may set or change it (a plan is a billing decision, not the user's).
 * Quotas are per brand, so a user token may create only MAX_BRANDS_PER_USER brands: otherwise
 * each new brand would be a fresh monthly quota. The host app's backend (its secret key, acting
 * for the user) creates any number, for the customers it bills.
 */
export function brandsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/v1/brands', async (c) => {
    const user = requireUser(c);
    const query = validateQuery<{ cursor?: string; limit?: number }>('listBrandsQuerySchema', c);
    const limit = pageSize(query.limit);
    const { rows } = await deps.db.query<{ id: string }>(LIST_BRANDS, [
      user.userId,
      user.brandIds,
      decodeCursor(query.cursor),
      limit + 1,
    ]);
    return c.json(toPage(rows, limit, toBrand));
  });

  app.post('/v1/brands', async (c) => {
    const user = requireUser(c);
    const body = validate<CreateBrandRequest>('createBrandSchema', await readJson(c));
    if (user.brandIds) throw forbidden('This token is restricted to some brands and cannot create one');
    const server = isServerCall(c);
    if (body.plan !== undefined && !server) throw forbidden('Only a secret API key can set a brand plan');
    const values = [
      user.userId,
      body.name.trim(),
      JSON.stringify(body.palette ?? []),
      JSON.stringify(body.fonts ?? []),
      body.logoUrl ?? null,
      body.voice ?? null,
      body.niche ?? null,
      body.plan ?? deps.config.defaultPlan,
      body.locale ?? null,
    ];
    const max = deps.config.limits.maxBrandsPerUser;
    const rows = server
      ? (await deps.db.query(INSERT_BRAND, values)).rows
      : await deps.db.transaction(async (tx) => {
          await tx.query(LOCK_USER_BRAND_CREATION, [user.userId]);
          return (await tx.query(INSERT_BRAND_WITHIN_LIMIT, [...values, max])).rows;
        });
    if (!rows[0]) {
      throw new ApiError(
        'FORBIDDEN',
        `A user token may create at most ${max} brand(s) (MAX_BRANDS_PER_USER); the host app's backend creates more with its secret key`,
        { details: { limit: 'MAX_BRANDS_PER_USER', max } },
      );
    }
    return c.json(toBrand(rows[0]), 201);
  });

  app.patch('/v1/brands/:id', async (c) => {
    const principal = c.get('principal');
    const server = isServerCall(c);
    // A bare API key may patch any brand; everyone else only their own.
    const user = principal?.kind === 'apiKey' ? null : requireUser(c);
    const id = c.req.param('id');
    const body = validate<UpdateBrandRequest>('updateBrandSchema', await readJson(c));
    if (!isUuid(id)) throw notFound('Brand');
    if (body.plan !== undefined && !server) throw forbidden('Only a secret API key can change a brand plan');
    const { rows } = await deps.db.query(UPDATE_BRAND, [
      id.toLowerCase(),
      user?.userId ?? null,
      user?.brandIds ?? null,
      JSON.stringify(body),
    ]);
    if (!rows[0]) throw notFound('Brand');
    c.get('log').info({ brandId: id, plan: body.plan }, 'brand updated');
    return c.json(toBrand(rows[0]));
  });

  return app;
}
