import type { Db } from '../db/types.js';
import type { Engines } from '../engines/index.js';
import { instrumentEngines } from '../metrics/instrument-engines.js';
import { instrumentHandler } from '../metrics/instrument-handler.js';
import type { Metrics } from '../metrics/metrics.js';
import { QueueRunner } from '../queue/runner.js';
import type { JobHandler, ParkingJobHandler, QueueLogger } from '../queue/types.js';
import { silentLogger } from '../queue/types.js';
import type { Storage } from '../storage/types.js';
import { cancelCanceledRenders } from './canceled-renders.js';
import { recoverStuckJobs } from './cleanup.js';
import { processOrderJob } from './pipeline/process-order-job.js';
import { renderCanceler } from './render-canceler.js';

export interface WorkerOptions {
  db: Db;
  engines: Engines;
  storage: Storage;
  logger?: QueueLogger;
  /** Unique id written to job_queue.locked_by; default host-pid-random. */
  workerId?: string;
  /** Jobs at once in this process. Default 10 (WORKER_CONCURRENCY). */
  concurrency?: number;
  /** Most jobs claimed beyond the free slots when the queue is deep of short jobs. Default 1,000. */
  claimAheadMax?: number;
  /** Images or slides of one order rendered in parallel. Default 5 (WORKER_ITEM_CONCURRENCY). */
  itemConcurrency?: number;
  /** Retry backoff base, run_after = now + 2^attempts × base. Default 60 000 (JOB_BACKOFF_BASE_MS). */
  backoffBaseMs?: number;
  /** Lease of a running job, renewed by a heartbeat every third of it. Default 15 s (JOB_LEASE_MS). */
  leaseMs?: number;
  /** Lease of a job parked on a provider's render. Default 10 min (PROVIDER_LEASE_MS). */
  parkLeaseMs?: number;
  /** Fallback poll. Default 2 000. */
  pollIntervalMs?: number;
  /** Stuck-job check period. Default 5 000 (WORKER_CLEANUP_INTERVAL_MS). */
  cleanupIntervalMs?: number;
  cancelCheckMs?: number;
  /** Grace period on stop before in-flight jobs are released. Default 25 000. */
  shutdownGraceMs?: number;
  /** First poll of a render parked on a provider, and the shortest gap between polls. Default 5 000 (PROVIDER_POLL_MS). */
  providerPollMs?: number;
  /** Longest gap between polls of a parked render. Default 60 000 (PROVIDER_POLL_MAX_MS). */
  providerPollMaxMs?: number;
  /** A parked render running longer is canceled and its item fails. Default 30 min (PROVIDER_TIMEOUT_MS). */
  providerTimeoutMs?: number;
  /** Counts jobs, engine calls and generation times (src/metrics); engine calls are logged too. */
  metrics?: Metrics;
  /** Replaces the pipeline processors (the queue bench runs no-op jobs). */
  handlers?: Partial<Record<string, JobHandler>>;
}

export interface WorkerHandle {
  readonly workerId: string;
  /** Stops claiming, waits for in-flight jobs (up to the grace period), releases the rest. */
  stop(): Promise<void>;
}

/**
 * Starts the generation worker: claims jobs from job_queue and runs render_images,
 * render_carousels and generate_video with the given engines and storage. Any number of workers,
 * in any number of processes, can share one database.
 *
 * @example
 * const worker = await startWorker({ db, engines: createEngines(process.env), storage, logger });
 * process.once('SIGTERM', () => void worker.stop().then(() => db.close()));
 */
export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const logger = options.logger ?? silentLogger;
  const { metrics } = options;
  const deps = {
    db: options.db,
    engines: metrics ? instrumentEngines(options.engines, metrics) : options.engines,
    storage: options.storage,
    logger,
    itemConcurrency: options.itemConcurrency ?? 5,
    metrics,
    park: {
      pollMs: options.providerPollMs ?? 5_000,
      pollMaxMs: options.providerPollMaxMs ?? 60_000,
      timeoutMs: options.providerTimeoutMs ?? 30 * 60_000,
    },
  };
  const run: ParkingJobHandler = (job, ctx) => processOrderJob(deps, job, ctx);
  const process = metrics ? instrumentHandler(run, metrics) : run;
  const cancelRender = renderCanceler(deps.engines);
  const runner = new QueueRunner({
    db: options.db,
    handlers: options.handlers ?? {
      render_images: process,
      render_carousels: process,
      generate_video: process,
    },
    workerId: options.workerId,
    concurrency: options.concurrency,
    claimAheadMax: options.claimAheadMax,
    pollIntervalMs: options.pollIntervalMs,
    leaseMs: options.leaseMs,
    parkLeaseMs: options.parkLeaseMs,
    backoffBaseMs: options.backoffBaseMs,
    cancelCheckMs: options.cancelCheckMs,
    cleanupIntervalMs: options.cleanupIntervalMs,
    shutdownGraceMs: options.shutdownGraceMs,
    cleanup: async () => {
      await recoverStuckJobs(options.db, logger, cancelRender);
    },
    onPoll: cancelRender
      ? async () => {
          await cancelCanceledRenders(options.db, cancelRender, logger);
        }
      : undefined,
    logger,
  });
  await runner.start();
  return { workerId: runner.workerId, stop: () => runner.stop() };
}
