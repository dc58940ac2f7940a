/**
 * The limits bench's API process: the real app with limits read from the environment
 * (RATE_LIMITS, RATE_LIMIT_*). Env: DATABASE_URL, BENCH_JWT_SECRET, BENCH_DATA_DIR.
 * Prints `ready <port>`.
 */
import { serve } from '@hono/node-server';
import { defineConfig } from '../src/config.js';
import { createPgDb } from '../src/db/pg.js';
import { createApp } from '../src/http/app.js';
import { loadLimits } from '../src/limits-config.js';
import { createLogger } from '../src/logger.js';

const env = process.env;
const db = createPgDb({ connectionString: env.DATABASE_URL!, max: 20 });
const config = defineConfig({
  databaseUrl: env.DATABASE_URL!,
  jwtSecret: env.BENCH_JWT_SECRET!,
  dataDir: env.BENCH_DATA_DIR!,
  logLevel: 'warn',
  limits: loadLimits(env),
});
const app = createApp({ db, config, logger: createLogger({ level: 'warn' }) });
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`ready ${info.port}\n`);
});
process.once('SIGTERM', () => {
  setTimeout(() => process.exit(0), 1000).unref();
  void db.close().then(() => process.exit(0));
});
