import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { httpMetrics } from '../metrics/http-middleware.js';
import { createMetrics } from '../metrics/metrics.js';
import { SERVER_VERSION } from '../version.js';
import type { AppEnv } from './env.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { authenticate } from './middleware/auth.js';
import { bodyLimits } from './middleware/body-limit.js';
import { corsFor } from './middleware/cors.js';
import { rateLimits } from './middleware/rate-limit.js';
import { requestId } from './middleware/request-id.js';
import { buildOpenApi } from './openapi.js';
import { adminRoutes } from './routes/admin.js';
import { brandsRoutes } from './routes/brands.js';
import { downloadsRoutes } from './routes/downloads.js';
import { eventsRoutes } from './routes/events.js';
import { filesRoutes } from './routes/files.js';
import { generateRoutes } from './routes/generate.js';
import { healthRoutes } from './routes/health.js';
import { jobsRoutes } from './routes/jobs.js';
import { libraryRoutes } from './routes/library.js';
import { metricsRoutes } from './routes/metrics.js';
import { ordersRoutes } from './routes/orders.js';
import { playgroundRoutes } from './routes/playground.js';
import { quotasRoutes } from './routes/quotas.js';
import { redoItemRoutes } from './routes/redo-item.js';
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
  app.use('*', corsFor(deps.config.allowedOrigins));
  app.use('*', bodyLimits(deps.config.bodyLimit));
  // Before authentication: a METRICS_TOKEN is not a JWT (the route checks its own credentials).
  app.route('/', metricsRoutes(deps, metrics));
  app.use('*', authenticate(deps));
  app.use('*', rateLimits(deps));

  app.get('/openapi.json', (c) => c.json(buildOpenApi({ version, serverUrl: deps.config.publicUrl })));
  app.route('/', healthRoutes(deps));
  app.route('/', generateRoutes({ ...deps, metrics }));
  app.route('/', ordersRoutes({ ...deps, metrics }));
  app.route('/', redoItemRoutes(deps));
  app.route('/', downloadsRoutes(deps));
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
  app.route('/', playgroundRoutes(deps));
  app.route('/', webhooksRoutes({ db: deps.db, replicateWebhookSecret: deps.config.replicateWebhookSecret }));

  app.notFound(notFoundHandler);
  app.onError(errorHandler);

  return app;
}
