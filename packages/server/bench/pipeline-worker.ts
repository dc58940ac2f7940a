/**
 * The pipeline bench's worker process: the real worker with the local engines slowed to
 * LOCAL_ENGINE_LATENCY_MS, writing files under BENCH_DATA_DIR. Prints `ready`.
 */
import { createPgDb } from '../src/db/pg.js';
import { createEngines, type Engines } from '../src/engines/index.js';
import { simulatedLatency } from '../src/engines/latency.js';
import { createLogger } from '../src/logger.js';
import { createLocalStorage } from '../src/storage/index.js';
import { startWorker } from '../src/worker/index.js';

const env = process.env;
const db = createPgDb({ connectionString: env.DATABASE_URL!, max: 15 });
const local = createEngines(env);

/**
 * BENCH_ENGINE=latency: an engine that only waits L and answers one PNG rendered at start, so the
 * carousel figure shows the pipeline's own overhead without the local renderer's CPU time.
 */
async function latencyOnly(): Promise<Engines> {
  const latency = Number(env.LOCAL_ENGINE_LATENCY_MS ?? 0);
  const zero = createEngines({ ...env, LOCAL_ENGINE_LATENCY_MS: '0' });
  const sample = await zero.image.generateImage({
    topic: 'bench',
    ratio: '4:5',
    width: 1080,
    height: 1350,
    brand: { name: 'Bench', palette: ['#0B3D91'], fonts: [], voice: null, niche: null, logoUrl: null },
  });
  return {
    ...zero,
    image: {
      name: 'latency-only',
      async generateImage(request) {
        await simulatedLatency(latency, request.signal);
        return { ...sample, width: request.width, height: request.height };
      },
    },
  };
}

const worker = await startWorker({
  db,
  engines: env.BENCH_ENGINE === 'latency' ? await latencyOnly() : local,
  storage: createLocalStorage({ dataDir: env.BENCH_DATA_DIR!, publicUrl: 'http://127.0.0.1' }),
  logger: createLogger({ level: 'warn' }),
  concurrency: 10,
  itemConcurrency: 10,
});
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});
