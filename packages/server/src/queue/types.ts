import type { JobType } from '@alfie/core/contract';
import type { Db } from '../db/types.js';

/** A job as the claim returns it. `attempts` already counts this run and is the claim's token. */
export interface ClaimedJob {
  id: string;
  user_id: string;
  brand_id: string | null;
  order_id: string | null;
  type: JobType;
  kind: string | null;
  payload: unknown;
  priority: number;
  attempts: number;
  max_attempts: number;
  created_at: Date;
  /** Set once the job was parked on a provider's render (e.g. 'replicate' and its prediction id). */
  provider: string | null;
  provider_ref: string | null;
}

/** What a handler decided; the runner writes it to the job row. */
export type JobOutcome =
  | { status: 'completed' }
  /** Retryable: requeued with backoff, or failed when no attempt is left. */
  | { status: 'retry'; error: string; retryAfterMs?: number }
  | { status: 'failed'; error: string }
  | { status: 'canceled' }
  /** Interrupted by shutdown: back to the queue without using an attempt. */
  | { status: 'released' };

/**
 * The job waits on a provider's render (a remote video): parked as `waiting` with the provider's
 * id, its slot freed, until the webhook or the poll after `pollAfterMs` requeues it. `abandon` is
 * called when the job could not be parked (canceled meanwhile): nobody would read that render.
 */
export interface ParkedOutcome {
  status: 'parked';
  provider: string;
  ref: string;
  pollAfterMs: number;
  abandon?: () => Promise<void>;
  /**
   * One render per item (remote images): every open render, `ref` being the first. Kept in the
   * job's payload (`providerRenders`), so the webhook or poll of any of them resumes the job.
   */
  renders?: { item: string; ref: string; startedAt?: string }[];
}

/** What the runner accepts from a handler: a JobOutcome, or parked on a provider. */
export type RunOutcome = JobOutcome | ParkedOutcome;

/** A handler that may park its job (the pipeline's video step); see ParkedOutcome. */
export type ParkingJobHandler = (job: ClaimedJob, context: JobContext) => Promise<RunOutcome>;

/**
 * Why a running job's signal aborted: its order was canceled, the worker is shutting down past
 * its grace period, or its lease could not be renewed (another worker may take the job).
 */
export type AbortReason = 'canceled' | 'shutdown' | 'lease-lost';

export interface JobContext {
  db: Db;
  workerId: string;
  /** Aborts when the job's order is canceled, the worker is shutting down past its grace period, or the lease is lost. */
  signal: AbortSignal;
  abortReason(): AbortReason | null;
  logger: QueueLogger;
}

export type JobHandler = (job: ClaimedJob, context: JobContext) => Promise<JobOutcome>;

/** The pino methods the queue logs with (a pino logger fits). */
export interface QueueLogger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  child?(bindings: object): QueueLogger;
}

export const silentLogger: QueueLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
