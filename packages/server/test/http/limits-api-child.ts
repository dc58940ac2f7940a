/**
 * An API process with limits from its environment (RATE_LIMIT_*), for the test that two processes
 * on one database share one count. Env: DATABASE_URL, CHILD_JWT_SECRET, CHILD_DATA_DIR.
 * Prints `ready <port>` once it listens.
 */
import { appFromEnv, serveUntilTerm } from '../helpers/api-process.js';

const { db, app } = appFromEnv({ prefix: 'CHILD', maxConnections: 5, limits: true });
serveUntilTerm(app.fetch, db);
