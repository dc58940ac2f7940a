import { Hono } from 'hono';
import { isUuid } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { toJob } from '../../orders/shapes.js';
import { GET_JOB } from '../../sql/jobs/get-job.js';
import type { AppEnv } from '../env.js';
import { requireUser } from '../middleware/auth.js';

/** GET /v1/jobs/:id: one of the caller's jobs (status, attempts, last error). */
export function jobsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/jobs/:id', async (c) => {
    const user = requireUser(c);
    const id = c.req.param('id');
    const { rows } = isUuid(id)
      ? await deps.db.query(GET_JOB, [id, user.userId, user.brandIds])
      : { rows: [] };
    if (!rows[0]) throw notFound('Job');
    return c.json(toJob(rows[0]));
  });
  return app;
}
