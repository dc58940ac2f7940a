/**
 * One benchmark worker process: Alfie's worker or graphile-worker, by default or with its batched
 * local queue (BENCH_KIND alfie | graphile | graphile-lq), running no-op jobs
 * with concurrency 10. Prints `ready` when it waits for work, and `start <key> <epoch ms>` when a
 * job carrying a `key` starts, so the parent can measure queue-to-start latency.
 */

import { createPgDb } from '../src/db/pg.js';
import type { Db } from '../src/db/types.js';
import { createEngines } from '../src/engines/index.js';
import type { JobHandler } from '../src/queue/types.js';
import { startWorker } from '../src/worker/index.js';

const url = process.env.DATABASE_URL!;
const kind = process.env.BENCH_KIND ?? 'alfie';
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const now = () => performance.timeOrigin + performance.now();

function onJob(payload: unknown): void {
  const key = (payload as { key?: string } | null)?.key;
  if (key) process.stdout.write(`start ${key} ${now()}\n`);
}

let stop: () => Promise<void>;
if (kind === 'graphile' || kind === 'graphile-lq') {
  const { run } = await import('graphile-worker');
  const runner = await run({
    connectionString: url,
    concurrency,
    noHandleSignals: true,
    pollInterval: 2000,
    // graphile-worker's batched mode, as its performance guide sets it up: the pool locks a batch
    // of jobs into a local queue and hands them out without a round trip per job, and completions
    // are written in batches.
    ...(kind === 'graphile-lq'
      ? {
          preset: {
            worker: {
              localQueue: { size: Number(process.env.BENCH_LOCAL_QUEUE ?? 500) },
              completeJobBatchDelay: 0,
              failJobBatchDelay: 0,
            },
          },
        }
      : {}),
    logger: new (await import('graphile-worker')).Logger(() => () => {}),
    taskList: {
      noop: async (payload) => {
        onJob(payload);
      },
    },
  });
  stop = () => runner.stop();
} else {
  const db: Db = createPgDb({ connectionString: url, max: concurrency + 2 });
  const noop: JobHandler = async (job) => {
    onJob(job.payload);
    return { status: 'completed' };
  };
  // The real worker with its processors replaced by a no-op: the queue machinery is what is measured.
  // The local engines are there only because the worker wires their cancel hook at start.
  const worker = await startWorker({
    db,
    engines: createEngines({}),
    storage: undefined as never,
    concurrency,
    // BENCH_CLAIM_AHEAD: most jobs claimed beyond the free slots (0: free slots only).
    claimAheadMax: process.env.BENCH_CLAIM_AHEAD ? Number(process.env.BENCH_CLAIM_AHEAD) : undefined,
    handlers: { render_images: noop },
  });
  stop = async () => {
    await worker.stop();
    await db.close();
  };
}
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void stop().then(() => process.exit(0));
});
