/**
 * The HTTP API in its own process, for the multi-process SSE test (run with `node --import tsx`).
 * Env: DATABASE_URL, CHILD_JWT_SECRET, CHILD_DATA_DIR. Prints `ready <port>` once it listens.
 */
import { appFromEnv, serveUntilTerm } from '../helpers/api-process.js';

const { db, app } = appFromEnv({ prefix: 'CHILD', maxConnections: 20 });
serveUntilTerm(app.fetch, db);
