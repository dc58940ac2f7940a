import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { validationFailed } from '../../errors.js';
import type { AppEnv } from '../env.js';

/** Provider webhooks carry whole predictions (with logs): they get more room than API requests. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/**
 * One body limit for every route that reads a body (API, dashboard login, webhooks): a body whose
 * Content-Length is over it is refused before a byte is read, a chunked one as soon as it passes
 * it. The 413 says `Connection: close`: the rest of the body is still on the socket, so the
 * connection cannot carry another request, and a client that keeps it alive would see its next
 * request fail.
 *
 * A body with a Content-Length is judged from the header alone, here rather than in hono's
 * bodyLimit: that one reads `request.body`, which makes @hono/node-server build a web Request and
 * stream the body through it instead of reading it straight from the socket. That cost a third of
 * POST /v1/generate's CPU (`BENCH_CPU_PROF`, bench/README.md). Chunked bodies go to hono's.
 *
 * @example
 * app.use('*', bodyLimits(config.bodyLimit));
 */
export function bodyLimits(maxBytes: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (c: Context<AppEnv>, maxSize: number): never => {
    c.header('Connection', 'close');
    throw validationFailed(`The request body is larger than ${maxSize} bytes`, undefined, 413);
  };
  const limitTo = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => tooLarge(c, maxSize) });
  const api = { max: maxBytes, streamed: limitTo(maxBytes) };
  const webhooks = { max: WEBHOOK_BODY_LIMIT, streamed: limitTo(WEBHOOK_BODY_LIMIT) };
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const limit = c.req.path.startsWith('/v1/webhooks/') ? webhooks : api;
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined)
      return limit.streamed(c, next);
    return Number(length) > limit.max ? tooLarge(c, limit.max) : next();
  };
}
