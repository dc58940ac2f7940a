import { Hono } from 'hono';
import { isAdmin } from '../../auth/admin.js';
import { isUuid } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { periodOf } from '../../quota/period.js';
import { readQuota } from '../../quota/read.js';
import { FIND_OWNED_BRAND } from '../../sql/brands/find-owned-brand.js';
import type { AppEnv } from '../env.js';
import { requireUser } from '../middleware/auth.js';

/**
 * GET /v1/quotas/:brandId: limits, used, reserved, remaining, reset and bypass, everything a client
 * needs to say what is left before it orders, so a refusal is never the first news.
 */
export function quotasRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const now = deps.now ?? (() => new Date());
  app.get('/v1/quotas/:brandId', async (c) => {
    const user = requireUser(c);
    const brandId = c.req.param('brandId').toLowerCase();
    if (!isUuid(brandId)) throw notFound('Brand');
    const owned = await deps.db.query(FIND_OWNED_BRAND, [brandId, user.userId, user.brandIds]);
    if (!owned.rows[0]) throw notFound('Brand');
    const bypass = await isAdmin(deps.db, deps.config, user);
    const quota = await readQuota(deps.db, brandId, periodOf(now()), bypass);
    if (!quota) throw notFound('Brand');
    return c.json(quota);
  });
  return app;
}
