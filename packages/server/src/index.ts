/**
 * @alfie/server as a library: embed the API in your own Node process, or run pieces of it.
 *
 * @example
 * import { createApp, loadConfig, openDb, migrate, createLogger } from '@alfie/server';
 * const config = loadConfig(process.env);
 * const db = await openDb({ databaseUrl: config.databaseUrl, pgliteDir: '.alfie/pgdata' });
 * await migrate(db);
 * const app = createApp({ db, config, logger: createLogger() });
 */
export { createApiKey, hashApiKey } from './auth/api-keys.js';
export { createTokenVerifier, signUserToken } from './auth/jwt.js';
export type { ApiKeyPrincipal, Principal, UserPrincipal } from './auth/principal.js';
export { type Config, defineConfig, loadConfig } from './config.js';
export { ConfigError } from './config-error.js';
export type { Db, DbKind, OpenDbOptions, Queryable, QueryResult, Tx } from './db/index.js';
export { createPgDb, createPgliteDb, migrate, openDb } from './db/index.js';
export type { AppDeps } from './deps.js';
export { createApp } from './http/app.js';
export { ApiError } from './http/errors.js';
export { createLogger, type Logger } from './logger.js';
export { SERVER_VERSION } from './version.js';
