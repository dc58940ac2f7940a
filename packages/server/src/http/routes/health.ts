import type { Health } from '@alfie/core/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps.js';
import { SERVER_VERSION } from '../../version.js';
import type { AppEnv } from '../env.js';

/** GET /v1/health: 200 when the database answers, 503 otherwise. No auth. */
export function healthRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/health', async (c) => {
    const ok = await deps.db.query('select 1').then(
      () => true,
      () => false,
    );
    const body: Health = { ok, version: deps.version ?? SERVER_VERSION, database: deps.db.kind };
    return c.json(body, ok ? 200 : 503);
  });
  return app;
}
