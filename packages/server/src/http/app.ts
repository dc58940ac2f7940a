import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from '../deps.js';
import { httpMetrics } from '../metrics/http-middleware.js';
import { createMetrics } from '../metrics/metrics.js';
import { SERVER_VERSION } from '../version.js';
import type { AppEnv } from './env.js';
import { ApiError, validationFailed } from './errors.js';
import { authenticate } from './middleware/auth.js';
import { requestId } from './middleware/request-id.js';
import { buildOpenApi } from './openapi.js';
import { adminRoutes } from './routes/admin.js';
import { brandsRoutes } from './routes/brands.js';
import { eventsRoutes } from './routes/events.js';
import { filesRoutes } from './routes/files.js';
import { generateRoutes } from './routes/generate.js';
import { healthRoutes } from './routes/health.js';
import { jobsRoutes } from './routes/jobs.js';
import { libraryRoutes } from './routes/library.js';
import { metricsRoutes } from './routes/metrics.js';
import { ordersRoutes } from './routes/orders.js';
import { quotasRoutes } from './routes/quotas.js';
import { reuseRoutes } from './routes/reuse.js';
import { tokensRoutes } from './routes/tokens.js';
import { variantsRoutes } from './routes/variants.js';
import { webhooksRoutes } from './routes/webhooks.js';

/**
 * The whole HTTP API as one Hono app. Tests call `app.request(...)`; the CLI serves it with
 * @hono/node-server.
 *
 * @example
 * const app = createApp({ db, config, logger });
 * const res = await app.request('/v1/health');
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const version = deps.version ?? SERVER_VERSION;
  const metrics = deps.metrics ?? createMetrics({ processMetrics: false });

  app.use('*', httpMetrics(metrics));
  app.use('*', requestId(deps.logger));
  app.use(
    '*',
    cors({
      origin: deps.config.allowedOrigins.includes('*') ? '*' : deps.config.allowedOrigins,
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'X-Request-Id',
        'Last-Event-ID',
        'X-Alfie-User-Id',
      ],
      exposeHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    }),
  );
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw validationFailed(`The request body is larger than ${maxSize} bytes`, undefined, 413);
      },
    });
  const apiBodyLimit = limitBody(deps.config.bodyLimit);
  // Provider webhooks carry whole predictions (with logs): they get more room than API requests.
  const webhookBodyLimit = limitBody(1024 * 1024);
  app.use('/v1/*', (c, next) =>
    c.req.path.startsWith('/v1/webhooks/') ? webhookBodyLimit(c, next) : apiBodyLimit(c, next),
  );
  // Before authentication: a METRICS_TOKEN is not a JWT (the route checks its own credentials).
  app.route('/', metricsRoutes(deps, metrics));
  app.use('*', authenticate(deps));

  app.get('/openapi.json', (c) => c.json(buildOpenApi({ version, serverUrl: deps.config.publicUrl })));
  app.route('/', healthRoutes(deps));
  app.route('/', generateRoutes({ ...deps, metrics }));
  app.route('/', ordersRoutes({ ...deps, metrics }));
  app.route('/', eventsRoutes({ ...deps, metrics }));
  app.route('/', reuseRoutes(deps));
  app.route('/', variantsRoutes(deps));
  app.route('/', jobsRoutes(deps));
  app.route('/', quotasRoutes(deps));
  app.route('/', libraryRoutes(deps));
  app.route('/', brandsRoutes(deps));
  app.route('/', tokensRoutes(deps));
  app.route('/', filesRoutes({ dataDir: deps.config.dataDir }));
  app.route('/', adminRoutes({ ...deps, metrics }));
  app.route('/', webhooksRoutes({ db: deps.db, replicateWebhookSecret: deps.config.replicateWebhookSecret }));

  app.notFound((c) =>
    c.json(new ApiError(404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`).toBody(), 404),
  );

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toBody(), error.status);
    if (error instanceof HTTPException && error.status < 500) {
      const code =
        error.status === 401 ? 'UNAUTHORIZED' : error.status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED';
      return c.json(new ApiError(error.status, code, error.message || 'Bad request').toBody(), error.status);
    }
    c.get('log')?.error({ err: error }, 'unhandled error');
    return c.json(new ApiError(500, 'INTERNAL', 'Internal server error').toBody(), 500);
  });

  return app;
}
