import { ConfigError } from '../config-error.js';
import { type Env, intEnv } from '../engines/config.js';
import type { WorkerOptions } from './index.js';

type TuningOptions = Required<
  Pick<
    WorkerOptions,
    | 'concurrency'
    | 'itemConcurrency'
    | 'backoffBaseMs'
    | 'leaseMs'
    | 'parkLeaseMs'
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
 * JOB_LEASE_MS (15000), WORKER_POLL_INTERVAL_MS (2000), WORKER_CLEANUP_INTERVAL_MS (5000),
 * WORKER_SHUTDOWN_GRACE_MS (25000); renders parked on a provider: PROVIDER_POLL_MS (5000),
 * PROVIDER_POLL_MAX_MS (60000), PROVIDER_TIMEOUT_MS (1800000), PROVIDER_LEASE_MS (600000).
 * With the defaults a dead worker's job is claimed again within lease + cleanup tick = 20 s.
 *
 * @example
 * const worker = await startWorker({ db, engines, storage, logger, ...workerOptionsFromEnv(process.env) });
 */
export function workerOptionsFromEnv(env: Env): TuningOptions {
  // A zero here would be silently meaningless (a worker that never claims), so it is refused.
  const positive = (name: string, fallback: number, hint = '') => {
    const value = intEnv(env, name, fallback);
    if (value < 1) throw new ConfigError(`${name} must be at least 1, got "${env[name]?.trim()}"${hint}`);
    return value;
  };
  const options = {
    concurrency: positive(
      'WORKER_CONCURRENCY',
      10,
      '; for a process without a worker run `alfie-server api` or set WORKER=off',
    ),
    itemConcurrency: positive('WORKER_ITEM_CONCURRENCY', 5),
    backoffBaseMs: intEnv(env, 'JOB_BACKOFF_BASE_MS', 60_000),
    leaseMs: positive('JOB_LEASE_MS', 15_000),
    parkLeaseMs: positive('PROVIDER_LEASE_MS', 10 * 60_000),
    pollIntervalMs: positive('WORKER_POLL_INTERVAL_MS', 2_000),
    cleanupIntervalMs: positive('WORKER_CLEANUP_INTERVAL_MS', 5_000),
    shutdownGraceMs: intEnv(env, 'WORKER_SHUTDOWN_GRACE_MS', 25_000),
    providerPollMs: positive('PROVIDER_POLL_MS', 5_000),
    providerPollMaxMs: positive('PROVIDER_POLL_MAX_MS', 60_000),
    providerTimeoutMs: positive('PROVIDER_TIMEOUT_MS', 30 * 60_000),
  };
  // Heartbeats go every third of the lease: below a second they would be all the worker does.
  if (options.leaseMs < 3_000) {
    throw new ConfigError(`JOB_LEASE_MS must be at least 3000, got "${env.JOB_LEASE_MS?.trim()}"`);
  }
  // Each poll of a parked render parks it again with a fresh lease: the lease must outlast the gap.
  if (options.parkLeaseMs <= options.providerPollMaxMs) {
    throw new ConfigError(
      `PROVIDER_LEASE_MS (${options.parkLeaseMs}) must be longer than PROVIDER_POLL_MAX_MS (${options.providerPollMaxMs})`,
    );
  }
  return options;
}
