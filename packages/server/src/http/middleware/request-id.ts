import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../logger.js';
import type { AppEnv } from '../env.js';

const SAFE_ID = /^[\w.:-]{1,128}$/;

/**
 * Takes the caller's X-Request-Id (when it is a safe token) or makes one, returns it on the
 * response, and logs one line per request with its status and duration. Never logs headers.
 */
export function requestId(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && SAFE_ID.test(given) ? given : randomUUID();
    const log = logger.child({ reqId: id });
    c.set('requestId', id);
    c.set('log', log);
    // Set before the route: set after, hono would copy the route's response to add it.
    c.header('X-Request-Id', id);
    const started = performance.now();
    await next();
    // A route that returns its own Response does not get the header set above: it goes on here.
    if (!c.res.headers.has('X-Request-Id')) c.res.headers.set('X-Request-Id', id);
    const status = c.res.status;
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round(performance.now() - started),
    };
    if (status >= 500) log.error(line, 'request failed');
    else log.info(line, 'request');
  };
}
