import { type Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { createTokenVerifier } from '../auth/jwt.js';
import { isUuid } from '../auth/principal.js';
import type { AppDeps } from '../deps.js';
import { forbidden, noRoute, notFound, validationFailed } from '../errors.js';
import type { AppEnv } from '../http/env.js';
import { readJson } from '../http/validation.js';
import { cancelAnyOrder } from '../orders/cancel.js';
import { reopenFailedOrder } from '../orders/reopen.js';
import { ADMIN_CSP, ADMIN_HTML, createAdminAssets } from './assets.js';
import { adminFromCredential, requestAdmin } from './auth.js';
import { adminFeedFor } from './live.js';
import { readReuseAb } from './reuse-ab.js';
import { ADMIN_COOKIE, type AdminActor, createSessionCodec } from './session.js';
import { listProblemJobs, RANGES, type RangeName, readOverview } from './stats.js';

/** Exactly what an unknown route answers: a non-admin cannot tell the dashboard exists. */
const hidden = noRoute;

function rangeOf(raw: string | undefined): RangeName {
  if (raw === undefined) return '24h';
  if (raw in RANGES) return raw as RangeName;
  throw validationFailed('range must be 24h or 30d');
}

/**
 * The operator dashboard: GET /admin (page), /admin/assets/* (its bundle), and /admin/api/*
 * (figures, problem jobs, retry and cancel actions, a live change stream). Admins only: a secret
 * API key, or a user with `user_roles.role = 'admin'`, who log in once (bearer, `?access_token=`
 * or the login form) and then hold an HttpOnly, SameSite=Strict session cookie scoped to /admin.
 * Anyone else presenting credentials gets the 404 of an unknown route. Every action is logged
 * with its actor. Pages carry a strict CSP: no inline script or style anywhere.
 *
 * @example
 * app.route('/', adminRoutes(deps)); // then open http://localhost:8787/admin
 */
export function adminRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const sessions = createSessionCodec(deps.config.jwtSecret);
  const verifyToken = createTokenVerifier(deps.config);
  const assets = createAdminAssets(deps.adminUiDir);
  const secure = deps.config.publicUrl.startsWith('https:');

  const startSession = async (c: Context<AppEnv>, actor: AdminActor) => {
    setCookie(c, ADMIN_COOKIE, await sessions.sign(actor), {
      path: '/admin',
      httpOnly: true,
      sameSite: 'Strict',
      secure,
      maxAge: sessions.maxAgeSeconds,
    });
  };

  app.use('/admin/*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', ADMIN_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });

  // Actions need this header: a cross-site form cannot send it, and a cross-origin fetch cannot
  // either without a CORS preflight the app's CORS settings refuse.
  app.use('/admin/api/*', async (c, next) => {
    if (c.req.method === 'POST' && c.req.header('x-alfie-admin') !== '1') {
      throw forbidden('Dashboard actions must send X-Alfie-Admin: 1');
    }
    c.header('Cache-Control', 'no-store');
    await next();
  });

  const page = async (c: Context<AppEnv>) => {
    const { actor, credentials } = await requestAdmin(c, deps.db, sessions, deps.config.adminEmails);
    if (credentials && !actor) throw hidden(c.req.method, c.req.path);
    if (actor && c.get('principal')) await startSession(c, actor);
    c.header('Content-Security-Policy', ADMIN_CSP);
    return c.html(ADMIN_HTML);
  };
  app.get('/admin', page);
  app.get('/admin/', page);

  app.get('/admin/assets/:file', async (c) => {
    const file = await assets.get(c.req.param('file'));
    if (!file) throw hidden(c.req.method, c.req.path);
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': file.type,
      'cache-control': 'no-cache',
    });
  });

  app.post('/admin/api/session', async (c) => {
    const body = (await readJson(c)) as { credential?: unknown } | null;
    const credential = typeof body?.credential === 'string' ? body.credential.trim() : '';
    const actor = credential
      ? await adminFromCredential(deps.db, verifyToken, credential, deps.config.adminEmails)
      : null;
    if (!actor) throw hidden(c.req.method, c.req.path);
    await startSession(c, actor);
    c.get('log').info({ event: 'admin_login', actor }, 'admin logged in');
    return c.json({ actor });
  });

  app.post('/admin/api/logout', (c) => {
    deleteCookie(c, ADMIN_COOKIE, { path: '/admin' });
    return c.body(null, 204);
  });

  /** Every other /admin/api route: the admin, or the 404 of an unknown route. */
  const admin = async (c: Context<AppEnv>): Promise<AdminActor> => {
    const { actor } = await requestAdmin(c, deps.db, sessions, deps.config.adminEmails);
    if (!actor) throw hidden(c.req.method, c.req.path);
    return actor;
  };

  app.get('/admin/api/me', async (c) => c.json({ actor: await admin(c) }));

  app.get('/admin/api/overview', async (c) => {
    await admin(c);
    const range = rangeOf(c.req.query('range'));
    const [overview, jobs] = await Promise.all([
      readOverview(deps.db, range),
      listProblemJobs(deps.db, range),
    ]);
    return c.json({ ...overview, jobs });
  });

  app.get('/admin/api/reuse-ab', async (c) => {
    await admin(c);
    return c.json(await readReuseAb(deps.db, rangeOf(c.req.query('range'))));
  });

  app.post('/admin/api/jobs/:id/retry', async (c) => {
    const actor = await admin(c);
    const jobId = c.req.param('id');
    if (!isUuid(jobId)) throw notFound('Job');
    const result = await deps.db.transaction((tx) => reopenFailedOrder(tx, jobId.toLowerCase()));
    c.get('log').warn(
      {
        event: 'admin_action',
        action: 'retry_job',
        actor,
        jobId,
        orderId: result.orderId,
        items: result.items,
      },
      'admin retried a failed job',
    );
    return c.json(result);
  });

  app.post('/admin/api/orders/:id/cancel', async (c) => {
    const actor = await admin(c);
    const orderId = c.req.param('id');
    if (!isUuid(orderId)) throw notFound('Order');
    const result = await deps.db.transaction((tx) => cancelAnyOrder(tx, orderId.toLowerCase()));
    deps.metrics?.jobsCanceled(result.type, result.jobsCanceled);
    c.get('log').warn(
      { event: 'admin_action', action: 'cancel_order', actor, orderId, ...result },
      'admin canceled an order',
    );
    return c.json({ orderId, ...result });
  });

  // Live refresh: one `change` message whenever an order event is committed (throttled).
  app.get('/admin/api/events', async (c) => {
    await admin(c);
    const feed = adminFeedFor(deps.db);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let wake: () => void = () => {};
      const unsubscribe = await feed.subscribe(() => wake());
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        wake();
      });
      try {
        await stream.writeSSE({ event: 'ready', data: '{}' });
        while (!closed) {
          const changed = await new Promise<boolean>((resolve) => {
            wake = () => resolve(true);
            setTimeout(() => resolve(false), 15_000);
          });
          if (closed) break;
          if (changed) await stream.writeSSE({ event: 'change', data: '{}' });
          else await stream.write(': ping\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });

  return app;
}
