import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type serve } from '@hono/node-server';
import { type Config, loadConfig } from '../config.js';
import { ConfigError } from '../config-error.js';
import { migrate } from '../db/migrate.js';
import { createEngines } from '../engines/index.js';
import { createApp } from '../http/app.js';
import { createLogger, type Logger } from '../logger.js';
import { createMetrics } from '../metrics/metrics.js';
import { createStorage } from '../storage/index.js';
import { workerOptionsFromEnv } from '../worker/config.js';
import { startWorker } from '../worker/index.js';
import { DEMO_EMAIL, type Demo, ensureDemo } from './demo.js';
import { openConfiguredDb } from './open.js';
import { resolveJwtSecret } from './secret.js';

/**
 * WORKER=on|off: whether `start` runs a worker beside the API (`alfie-server api` is `start` with
 * WORKER=off). An API-only process needs DATABASE_URL: embedded PGlite has no room for a worker
 * in another process, so its orders would never run.
 */
function workerEnabled(env: NodeJS.ProcessEnv, apiOnly: boolean, databaseUrl: string | null): boolean {
  const raw = env.WORKER?.trim().toLowerCase() || 'on';
  if (raw !== 'on' && raw !== 'off') throw new ConfigError(`WORKER must be on or off, got "${env.WORKER}"`);
  const enabled = !apiOnly && raw === 'on';
  if (!enabled && !databaseUrl) {
    throw new ConfigError(
      'DATABASE_URL is required for an API-only process (`alfie-server api` or WORKER=off): with embedded PGlite no other process can run the worker',
    );
  }
  return enabled;
}

/**
 * `alfie-server start`: the API and the worker in one process (the API alone with WORKER=off, or
 * as `alfie-server api`). Without DATABASE_URL it runs on embedded PGlite in DATA_DIR, migrates,
 * and on first start creates a demo user and brand and prints a token and a ready-to-paste curl.
 * SIGTERM / SIGINT stop it gracefully.
 */
export async function run(
  _args: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
  mode: { apiOnly?: boolean } = {},
): Promise<void> {
  const loaded = loadConfig(env);
  const logger = createLogger({ level: loaded.logLevel });
  const withWorker = workerEnabled(env, mode.apiOnly === true, loaded.databaseUrl);
  // Engines, storage and worker settings are validated before anything is opened.
  const engines = withWorker ? createEngines(env) : null;
  const tuning = withWorker ? workerOptionsFromEnv(env) : null;
  const storage = createStorage(env, { dataDir: loaded.dataDir, publicUrl: loaded.publicUrl });
  const { secret, generated } = await resolveJwtSecret(loaded);
  if (generated) {
    logger.warn(
      { dataDir: loaded.dataDir },
      'JWT_SECRET is not set: generated one and saved it in DATA_DIR/jwt-secret',
    );
  }
  const config: Config = { ...loaded, jwtSecret: secret };

  const { db, release } = await openConfiguredDb(
    config,
    (err) => logger.warn({ err }, 'database connection error'),
    (tuning?.concurrency ?? 0) + 10,
  );
  const { applied } = await migrate(db, { onWarning: (message) => logger.warn(message) });
  logger.info({ database: db.kind, applied }, 'database ready');
  const demo = config.databaseUrl && env.ALFIE_DEMO !== '1' ? null : await ensureDemo(db, config, secret);

  // One registry for the API and the worker of this process: GET /metrics shows both.
  const metrics = createMetrics();
  const worker =
    engines && tuning
      ? await startWorker({ db, engines, storage, logger, metrics, ...tuning })
      : { stop: async () => {} };
  const playground = demo ? { userId: demo.userId, brandId: demo.brandId, email: DEMO_EMAIL } : undefined;
  const app = createApp({ db, config, logger, storage, metrics, playground });
  const server = await listen(app.fetch, config);
  const port = (server.address() as AddressInfo).port;
  const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  logger.info({ url, database: db.kind, worker: withWorker }, 'alfie-server listening');
  printBanner(url, demo, Boolean(playground && config.playground));

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      void stopAll(server, worker, release, logger).then(resolve);
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}

type Server = ReturnType<typeof serve> & import('node:http').Server;

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Node's default backlog (511) overflows when thousands of SSE clients reconnect at once.
    const server = createAdaptorServer({ fetch }) as Server;
    server.listen({ port: config.port, host: config.host, backlog: config.limits.listenBacklog });
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new ConfigError(
              `PORT ${config.port} on ${config.host} is not available (${error.code}); set PORT to a free port`,
            )
          : error,
      );
    });
  });
}

async function stopAll(
  server: Server,
  worker: { stop(): Promise<void> },
  release: () => Promise<void>,
  logger: Logger,
) {
  // Open SSE streams would keep close() waiting forever: give requests a moment, then cut them.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), 3000);
  try {
    await worker.stop();
    await closed;
  } catch (err) {
    logger.error({ err }, 'shutdown error');
  } finally {
    clearTimeout(force);
    await release().catch((err) => logger.error({ err }, 'database close failed'));
    logger.info('stopped');
  }
}

function printBanner(url: string, demo: Demo | null, playground: boolean) {
  const lines = [
    ``,
    `Alfie is running at ${url}`,
    ...(playground ? [`  Open ${url} in your browser and ask for a carousel (from this machine).`] : []),
    `  Health:  ${url}/v1/health`,
    `  OpenAPI: ${url}/openapi.json`,
  ];
  if (demo) {
    lines.push(
      ``,
      demo.created ? `Created a demo user and brand.` : `Demo user and brand:`,
      `  user:  ${demo.userId}`,
      `  brand: ${demo.brandId}`,
      `  token (valid until ${demo.expiresAt}):`,
      `  ${demo.token}`,
      ``,
      `Try it:`,
      `  curl -X POST ${url}/v1/generate \\`,
      `    -H "Authorization: Bearer ${demo.token}" \\`,
      `    -H "Content-Type: application/json" \\`,
      `    -d '{"format":"carousel","count":5,"topic":"Les tendances marketing 2025","brandId":"${demo.brandId}"}'`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
