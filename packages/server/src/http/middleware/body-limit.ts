import type { MiddlewareHandler } from 'hono';
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
 * @example
 * app.use('*', bodyLimits(config.bodyLimit));
 */
export function bodyLimits(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        c.header('Connection', 'close');
        throw validationFailed(`The request body is larger than ${maxSize} bytes`, undefined, 413);
      },
    });
  const api = limitTo(maxBytes);
  const webhooks = limitTo(WEBHOOK_BODY_LIMIT);
  return (c, next) => (c.req.path.startsWith('/v1/webhooks/') ? webhooks(c, next) : api(c, next));
}
