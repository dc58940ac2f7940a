import type { GenerateRequest, ReuseMatchResponse } from '@alfie/core/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps.js';
import { normalizeGenerate } from '../../orders/plan.js';
import { findReuseMatch } from '../../orders/reuse/find-match.js';
import type { AppEnv } from '../env.js';
import { requireUser } from '../middleware/auth.js';
import { readJson, validate } from '../validation.js';

/**
 * POST /v1/reuse/match: the earlier order a generate request would reuse, or `{ match: null }`.
 * Reads only: the chat asks it while building its proposal, before the user confirms anything.
 */
export function reuseRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/v1/reuse/match', async (c) => {
    const user = requireUser(c);
    const body = validate<GenerateRequest>('reuseMatchRequestSchema', await readJson(c));
    const match = await findReuseMatch(deps.db, user, normalizeGenerate(body));
    return c.json({ match } satisfies ReuseMatchResponse);
  });
  return app;
}
