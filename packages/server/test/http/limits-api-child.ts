/**
 * An API process with limits from its environment (RATE_LIMIT_*), for the test that two processes
 * on one database share one count. Env: DATABASE_URL, CHILD_JWT_SECRET, CHILD_DATA_DIR.
 * Prints `ready <port>` once it listens.
 */
import { serve } from '@hono/node-server';
import { defineConfig } from '../../src/config.js';
import { createPgDb } from '../../src/db/pg.js';
import { createApp } from '../../src/http/app.js';
import { loadLimits } from '../../src/limits-config.js';
import { createLogger } from '../../src/logger.js';

const env = process.env;
const db = createPgDb({ connectionString: env.DATABASE_URL!, max: 5 });
const config = defineConfig({
  databaseUrl: env.DATABASE_URL!,
  jwtSecret: env.CHILD_JWT_SECRET!,
  dataDir: env.CHILD_DATA_DIR!,
  logLevel: 'warn',
  limits: loadLimits(env),
});
const app = createApp({ db, config, logger: createLogger({ level: 'warn' }) });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`ready ${info.port}\n`);
});
process.once('SIGTERM', () => {
  setTimeout(() => process.exit(0), 1000).unref();
  server.close();
  void db.close().then(() => process.exit(0));
});
