import { type Env, intEnv } from '../engines/config.js';
import type { WorkerOptions } from './index.js';

type TuningOptions = Required<
  Pick<
    WorkerOptions,
    | 'concurrency'
    | 'itemConcurrency'
    | 'backoffBaseMs'
    | 'leaseMs'
    | 'pollIntervalMs'
    | 'cleanupIntervalMs'
    | 'shutdownGraceMs'
    | 'providerPollMs'
    | 'providerPollMaxMs'
    | 'providerTimeoutMs'
  >
>;

/**
 * Worker tuning from the environment; each has a sensible default, and a wrong value is a
 * one-line ConfigError naming the variable.
 * WORKER_CONCURRENCY (10), WORKER_ITEM_CONCURRENCY (5), JOB_BACKOFF_BASE_MS (60000),
 * JOB_LEASE_MS (600000), WORKER_POLL_INTERVAL_MS (2000), WORKER_CLEANUP_INTERVAL_MS (60000),
 * WORKER_SHUTDOWN_GRACE_MS (25000); renders parked on a provider: PROVIDER_POLL_MS (5000),
 * PROVIDER_POLL_MAX_MS (60000), PROVIDER_TIMEOUT_MS (1800000).
 *
 * @example
 * const worker = await startWorker({ db, engines, storage, logger, ...workerOptionsFromEnv(process.env) });
 */
export function workerOptionsFromEnv(env: Env): TuningOptions {
  const positive = (name: string, fallback: number) => Math.max(1, intEnv(env, name, fallback));
  return {
    concurrency: positive('WORKER_CONCURRENCY', 10),
    itemConcurrency: positive('WORKER_ITEM_CONCURRENCY', 5),
    backoffBaseMs: intEnv(env, 'JOB_BACKOFF_BASE_MS', 60_000),
    leaseMs: positive('JOB_LEASE_MS', 10 * 60_000),
    pollIntervalMs: positive('WORKER_POLL_INTERVAL_MS', 2_000),
    cleanupIntervalMs: positive('WORKER_CLEANUP_INTERVAL_MS', 60_000),
    shutdownGraceMs: intEnv(env, 'WORKER_SHUTDOWN_GRACE_MS', 25_000),
    providerPollMs: positive('PROVIDER_POLL_MS', 5_000),
    providerPollMaxMs: positive('PROVIDER_POLL_MAX_MS', 60_000),
    providerTimeoutMs: positive('PROVIDER_TIMEOUT_MS', 30 * 60_000),
  };
}
