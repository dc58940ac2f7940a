import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { isApiKey, verifyApiKey } from '../../auth/api-keys.js';
import type { AppDeps } from '../../deps.js';
import { noRoute } from '../../errors.js';
import { eventHubFor } from '../../events/hub.js';
import { registerDbGauges } from '../../metrics/db-gauges.js';
import type { Metrics } from '../../metrics/metrics.js';
import type { AppEnv } from '../env.js';

const wired = new WeakSet<Metrics>();

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics in the Prometheus text format. It is off unless the scraper proves itself: a bearer
 * equal to METRICS_TOKEN, or a secret API key (`sk_...`). Anything else answers 404, so a server
 * on a public port does not reveal it has metrics at all.
 * Mounted BEFORE the app's authentication: a METRICS_TOKEN is not a JWT and must not be read as one.
 *
 * @example
 * // prometheus.yml: authorization: { type: Bearer, credentials: <METRICS_TOKEN> }
 * app.route('/', metricsRoutes(deps, metrics));
 */
export function metricsRoutes(deps: AppDeps, metrics: Metrics): Hono<AppEnv> {
  if (!wired.has(metrics)) {
    wired.add(metrics);
    registerDbGauges(metrics, deps.db);
    metrics.gauge({
      name: 'alfie_sse_clients',
      help: 'SSE clients connected to this process.',
      collect() {
        this.set(eventHubFor(deps.db, deps.logger).size);
      },
    });
  }
  const app = new Hono<AppEnv>();

  app.get('/metrics', async (c) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const token = match?.[1];
    const configured = deps.config.metricsToken;
    const allowed =
      token !== undefined &&
      ((configured !== null && sameSecret(token, configured)) ||
        (isApiKey(token) && (await verifyApiKey(deps.db, token)) !== null));
    if (!allowed) {
      throw noRoute(c.req.method, c.req.path);
    }
    const body = await metrics.render();
    return c.body(body, 200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
  });

  return app;
}
