import { Hono } from 'hono';
import { signUserToken } from '../../auth/jwt.js';
import type { AppDeps } from '../../deps.js';
import { ApiError, forbidden, noRoute } from '../../errors.js';
import { isLocalRequest, isSameOriginFetch } from '../../playground/local-only.js';
import { PLAYGROUND_CSP, playgroundPage } from '../../playground/page.js';
import { PLAYGROUND_SCRIPT, PLAYGROUND_STYLE } from '../../playground/page-assets.js';
import { WIDGET_FILES, widgetDistDir, widgetFileResponse } from '../../playground/widget-files.js';
import type { AppEnv } from '../env.js';

/** Lifetime of a playground token: the page renews it, so a copied one is soon useless. */
const SESSION_SECONDS = 3600;

/**
 * The playground (GET / and /playground/*), mounted only when the demo user exists and PLAYGROUND
 * is not `off`. It is for the person at this machine: every route answers like an unknown route to
 * a request that does not come from a loopback address to a loopback host name, and the token
 * route also requires the page's own same-origin fetch, so no other site and no other machine
 * can obtain the demo token.
 */
export function playgroundRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const demo = deps.playground;
  const secret = deps.config.jwtSecret;
  if (!demo || !deps.config.playground || !secret) return app;
  const widgetDir = widgetDistDir();

  app.use('*', async (c, next) => {
    if (!isLocalRequest(c)) throw noRoute(c.req.method, c.req.path);
    await next();
  });

  app.get('/', (c) => {
    c.header('Content-Security-Policy', PLAYGROUND_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    return c.html(playgroundPage({ apiUrl: new URL(c.req.url).origin, brandId: demo.brandId }));
  });

  app.get('/playground/session', async (c) => {
    if (!isSameOriginFetch(c)) throw forbidden('The playground session is only given to the playground page');
    const { token, expiresAt } = await signUserToken(secret, {
      userId: demo.userId,
      email: demo.email,
      brandIds: [demo.brandId],
      expiresIn: SESSION_SECONDS,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ token, expiresAt, brandId: demo.brandId });
  });

  app.get('/playground/app.js', (c) =>
    c.body(PLAYGROUND_SCRIPT, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  );
  app.get('/playground/app.css', (c) =>
    c.body(PLAYGROUND_STYLE, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
  for (const name of WIDGET_FILES) {
    app.get(`/playground/${name}`, async () => {
      const response = await widgetFileResponse(widgetDir, name);
      if (!response) throw new ApiError('NOT_FOUND', 'The widget is not built: run pnpm build');
      return response;
    });
  }
  return app;
}
