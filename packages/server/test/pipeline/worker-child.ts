/**
 * A worker in its own process, for the multi-process tests (run with `node --import tsx`).
 * Settings come from env: DATABASE_URL, CHILD_DATA_DIR, CHILD_ENGINE (test|local),
 * CHILD_LATENCY_MS, CHILD_LOG_FILE, CHILD_CONCURRENCY, CHILD_ITEM_CONCURRENCY, CHILD_LEASE_MS,
 * CHILD_CLEANUP_MS, CHILD_GRACE_MS. Prints `ready <workerId>` once it listens; SIGTERM stops it.
 */
import { createPgDb } from '../../src/db/pg.js';
import { createEngines } from '../../src/engines/index.js';
import { createLogger } from '../../src/logger.js';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker } from '../../src/worker/index.js';
import { createTestEngines } from './test-engines.js';

const env = process.env;
const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const db = createPgDb({ connectionString: env.DATABASE_URL!, max: 12 });
const engines =
  env.CHILD_ENGINE === 'local'
    ? createEngines({ LOCAL_ENGINE_LATENCY_MS: String(num('CHILD_LATENCY_MS', 0)) })
    : createTestEngines({ latencyMs: num('CHILD_LATENCY_MS', 0), logFile: env.CHILD_LOG_FILE });
const worker = await startWorker({
  db,
  engines,
  storage: createLocalStorage({
    dataDir: env.CHILD_DATA_DIR!,
    publicUrl: env.CHILD_PUBLIC_URL ?? 'http://localhost:1',
  }),
  logger: createLogger({ level: (env.CHILD_LOG_LEVEL as 'info') ?? 'warn' }),
  concurrency: num('CHILD_CONCURRENCY', 4),
  itemConcurrency: num('CHILD_ITEM_CONCURRENCY', 5),
  leaseMs: num('CHILD_LEASE_MS', 60_000),
  cleanupIntervalMs: num('CHILD_CLEANUP_MS', 60_000),
  shutdownGraceMs: num('CHILD_GRACE_MS', 25_000),
  pollIntervalMs: 500,
  cancelCheckMs: 100,
});
process.stdout.write(`ready ${worker.workerId}\n`);
process.once('SIGTERM', () => {
  void worker
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});
