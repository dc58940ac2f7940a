/**
 * The limits bench's API process: the real app with limits read from the environment
 * (RATE_LIMITS, RATE_LIMIT_*). Env: DATABASE_URL, BENCH_JWT_SECRET, BENCH_DATA_DIR.
 * Prints `ready <port>`.
 */
import { appFromEnv, serveUntilTerm } from '../test/helpers/api-process.js';

const { db, app } = appFromEnv({ prefix: 'BENCH', maxConnections: 20, limits: true });
serveUntilTerm(app.fetch, db);
