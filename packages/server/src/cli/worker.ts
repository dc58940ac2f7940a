import { loadConfig } from '../config.js';
import { ConfigError } from '../config-error.js';
import { migrate } from '../db/index.js';
import { createEngines } from '../engines/index.js';
import { createLogger } from '../logger.js';
import { createMetrics } from '../metrics/metrics.js';
import { metricsPortFromEnv, serveMetrics } from '../metrics/serve.js';
import { createStorage } from '../storage/index.js';
import { workerOptionsFromEnv } from '../worker/config.js';
import { startWorker } from '../worker/index.js';
import { openConfiguredDb } from './open.js';

/**
 * `alfie-server worker`: the worker alone, for deployments that scale workers apart from the API.
 * Needs DATABASE_URL (embedded PGlite belongs to one process: use `start` for that). Stops
 * gracefully on SIGTERM / SIGINT: no new claims, in-flight jobs finish or go back to the queue.
 *
 * @example
 * DATABASE_URL=postgres://... WORKER_CONCURRENCY=20 alfie-server worker
 */
export async function run(_args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  if (!config.databaseUrl) {
    throw new ConfigError(
      'DATABASE_URL is required for `alfie-server worker` (embedded PGlite runs in `start` only)',
    );
  }
  const tuning = workerOptionsFromEnv(env);
  const engines = createEngines(env);
  const storage = createStorage(env, { dataDir: config.dataDir, publicUrl: config.publicUrl });
  const logger = createLogger({ level: config.logLevel });
  const { db, release } = await openConfiguredDb(
    config,
    (err) => logger.warn({ err }, 'database connection error'),
    tuning.concurrency + 5,
  );
  await migrate(db);
  const metrics = createMetrics();
  const worker = await startWorker({ db, engines, storage, logger, metrics, ...tuning });
  // METRICS_PORT: this worker's own counters (jobs, engine calls) for Prometheus; see src/metrics/serve.ts.
  const metricsPort = metricsPortFromEnv(env);
  const metricsServer =
    metricsPort === null
      ? null
      : await serveMetrics(metrics, { port: metricsPort, token: config.metricsToken, host: config.host });
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'worker shutting down');
      metricsServer?.close();
      void worker
        .stop()
        .then(() => release())
        .then(resolve, (err) => {
          logger.error({ err }, 'worker shutdown failed');
          resolve();
        });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}
