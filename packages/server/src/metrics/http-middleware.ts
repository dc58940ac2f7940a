import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Metrics } from './metrics.js';

/**
 * Counts and times every request by its route pattern (`/v1/orders/:id`, never the raw path, so
 * ids do not explode the label set). Requests no route answered are `route="unmatched"`.
 *
 * @example
 * app.use('*', httpMetrics(metrics));
 */
export function httpMetrics(metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? 'unmatched';
      metrics.httpRequest(c.req.method, route, c.res.status, (performance.now() - started) / 1000);
    }
  };
}
