import type { Health } from '@alfie/core/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps.js';
import { SERVER_VERSION } from '../../version.js';
import type { AppEnv } from '../env.js';
import { RETRY_AFTER_SECONDS } from '../unavailable.js';

/** A health check must answer even when the database hangs: past this, it counts as unreachable. */
const PING_TIMEOUT_MS = 2_000;

/**
 * GET /v1/health and GET /v1/health/ready: 200 when the database answers, 503 with Retry-After
 * otherwise (a load balancer takes the process out of rotation; the process itself stays up and
 * comes back by itself). GET /v1/health/live: 200 while the process serves HTTP at all. No auth.
 */
export function healthRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const ready = async (c: import('hono').Context<AppEnv>) => {
    const ok = await reachable(deps);
    const body: Health = { ok, version: deps.version ?? SERVER_VERSION, database: deps.db.kind };
    if (!ok) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json(body, ok ? 200 : 503);
  };
  app.get('/v1/health', ready);
  app.get('/v1/health/ready', ready);
  app.get('/v1/health/live', (c) => c.json({ ok: true, version: deps.version ?? SERVER_VERSION }));
  return app;
}

async function reachable(deps: AppDeps): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  const ping = deps.db.query('select 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
