/**
 * The real app in a process of its own, as the multi-process tests and the benches start it.
 * Env: DATABASE_URL, `<prefix>_JWT_SECRET`, `<prefix>_DATA_DIR`; with `limits`, RATE_LIMIT* too.
 */
import { serve } from '@hono/node-server';
import { defineConfig } from '../../src/config.js';
import { createPgDb } from '../../src/db/pg.js';
import type { Db } from '../../src/db/types.js';
import { createApp } from '../../src/http/app.js';
import { loadLimits } from '../../src/limits-config.js';
import { createLogger } from '../../src/logger.js';

export interface AppFromEnvOptions {
  /** Which variables hold the secret and data folder: CHILD_* (tests) or BENCH_* (benches). */
  prefix: 'CHILD' | 'BENCH';
  /** The pool's size. */
  maxConnections: number;
  /** Read the rate limits from the environment instead of the defaults. */
  limits?: boolean;
}

export function appFromEnv(options: AppFromEnvOptions) {
  const env = process.env;
  const db = createPgDb({ connectionString: env.DATABASE_URL!, max: options.maxConnections });
  const config = defineConfig({
    databaseUrl: env.DATABASE_URL!,
    jwtSecret: env[`${options.prefix}_JWT_SECRET`]!,
    dataDir: env[`${options.prefix}_DATA_DIR`]!,
    logLevel: 'warn',
    ...(options.limits ? { limits: loadLimits(env) } : {}),
  });
  const app = createApp({ db, config, logger: createLogger({ level: 'warn' }) });
  return { db, config, app };
}

/** Serves `fetch` on a free port, prints `ready <port>`, and on SIGTERM closes and leaves. */
export function serveUntilTerm(fetch: (request: Request) => Response | Promise<Response>, db: Db): void {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`ready ${info.port}\n`);
  });
  process.once('SIGTERM', () => {
    // Open SSE streams would hold the pool's close: give it a moment, then leave anyway.
    setTimeout(() => process.exit(0), 1000).unref();
    server.close();
    void db.close().then(() => process.exit(0));
  });
}
