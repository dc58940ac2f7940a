/**
 * @alfie/server as a library: embed the API and the worker in your own Node process, or run
 * pieces of them. `alfie-server start` (src/cli/start.ts) is built from exactly these exports.
 *
 * @example
 * import { join } from 'node:path';
 * import { serve } from '@hono/node-server';
 * import {
 *   createApp, createEngines, createLogger, createMetrics, createStorage, loadConfig, migrate, openDb,
 *   startWorker, workerOptionsFromEnv,
 * } from '@alfie/server';
 *
 * const config = loadConfig(process.env);
 * const logger = createLogger({ level: config.logLevel });
 * const db = await openDb({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pgdata') });
 * await migrate(db);
 * const storage = createStorage(process.env, { dataDir: config.dataDir, publicUrl: config.publicUrl });
 * const metrics = createMetrics();
 * const worker = await startWorker({
 *   db, engines: createEngines(process.env), storage, logger, metrics, ...workerOptionsFromEnv(process.env),
 * });
 * serve({ fetch: createApp({ db, config, logger, storage, metrics }).fetch, port: config.port });
 * process.once('SIGTERM', () => void worker.stop().then(() => db.close()));
 */

// Auth
export { createApiKey, hashApiKey } from './auth/api-keys.js';
export { createTokenVerifier, signUserToken, type TokenVerifier, type UserTokenClaims } from './auth/jwt.js';
export type { ApiKeyPrincipal, Principal, UserPrincipal } from './auth/principal.js';
// Configuration
export { type Config, defineConfig, loadConfig } from './config.js';
export { ConfigError } from './config-error.js';
// Database
export type { Db, DbKind, ListenOptions, OpenDbOptions, Queryable, QueryResult, Tx } from './db/index.js';
export { createPgDb, createPgliteDb, migrate, openDb } from './db/index.js';
export type { AppDeps } from './deps.js';
// Engines
/** @deprecated Since ProviderError: engines and storage throw one error with a closed list of reasons. */
export {
  type CarouselPlanner,
  createEngines,
  type Engines,
  type ImageEngine,
  type ImageRequest,
  type ImageResult,
  isProviderError,
  isProviderError as isEngineError,
  PROVIDER_ERROR_REASONS,
  ProviderError,
  ProviderError as EngineError,
  type ProviderErrorReason,
  type VideoEngine,
  type VideoRequest,
  type VideoResult,
} from './engines/index.js';
export { ApiError } from './errors.js';
// HTTP API
export { createApp } from './http/app.js';
export { createLogger, type Logger } from './logger.js';
// Metrics
export { createMetrics, instrumentEngines, Metrics, registerDbGauges } from './metrics/index.js';
// Order lifecycle
export { settleOrder } from './quota/release.js';
// Storage
export {
  createCloudinaryStorage,
  createLocalStorage,
  createStorage,
  createSupabaseStorage,
  type PutObjectInput,
  type Storage,
  type StorageOptions,
  type StoredObject,
} from './storage/index.js';
export { SERVER_VERSION } from './version.js';
export { recoverStuckJobs } from './worker/cleanup.js';
// Worker
export { workerOptionsFromEnv } from './worker/config.js';
export { startWorker, type WorkerHandle, type WorkerOptions } from './worker/index.js';
