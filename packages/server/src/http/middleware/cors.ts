import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env.js';

const ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Request-Id',
  'Last-Event-ID',
  'X-Alfie-User-Id',
];
// Content-Disposition: a page on another origin reads the download's file name from it.
const EXPOSE_HEADERS = 'X-Request-Id, Retry-After, Content-Disposition';

/**
 * CORS for `ALLOWED_ORIGINS` ('*' for any). Preflights are hono's `cors`. Other requests get their
 * headers here, set before the route runs: hono's `cors` sets them on `c.res` (and Vary after the
 * route), and each of those makes hono copy the route's response and @hono/node-server stream its
 * body instead of writing the string it holds, about a fifth of a small request's CPU
 * (`BENCH_CPU_PROF`).
 *
 * @example
 * app.use('*', corsFor(config.allowedOrigins));
 */
export function corsFor(allowedOrigins: string[]): MiddlewareHandler<AppEnv> {
  const anyOrigin = allowedOrigins.includes('*');
  const preflight = cors({
    origin: anyOrigin ? '*' : allowedOrigins,
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS.split(', '),
    maxAge: 600,
  });
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = c.req.header('origin');
    const allow = anyOrigin ? '*' : origin && allowed.has(origin) ? origin : null;
    if (allow) {
      c.header('Access-Control-Allow-Origin', allow);
      c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    if (!anyOrigin) c.header('Vary', 'Origin', { append: true });
    await next();
    // A route that returns its own Response (files, downloads) does not get the headers set
    // above: they go on it here, in place.
    if (allow && !c.res.headers.has('Access-Control-Allow-Origin')) {
      c.res.headers.set('Access-Control-Allow-Origin', allow);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
      if (!anyOrigin) c.res.headers.append('Vary', 'Origin');
    }
  };
}
