import type { Db } from '../db/types.js';
import { FAIL_JOB } from '../sql/queue/fail-job.js';
import { REQUEUE_JOB } from '../sql/queue/requeue-job.js';
import type { ClaimedJob, JobOutcome, QueueLogger } from './types.js';

/**
 * Writes a retry or a failure: a retryable error requeues with backoff while attempts remain,
 * otherwise the job fails and `last_error` keeps the reason.
 */
export async function applyOutcome(
  db: Db,
  job: ClaimedJob,
  outcome: Extract<JobOutcome, { status: 'retry' | 'failed' }>,
  workerId: string,
  backoffBaseMs: number,
  log: QueueLogger,
): Promise<void> {
  if (outcome.status === 'retry' && job.attempts < job.max_attempts) {
    const { rows } = await db.query<{ run_after: Date }>(REQUEUE_JOB, [
      job.id,
      job.attempts,
      workerId,
      backoffBaseMs,
      outcome.retryAfterMs ?? null,
      outcome.error,
    ]);
    log.warn(
      { jobId: job.id, attempts: job.attempts, runAfter: rows[0]?.run_after, error: outcome.error },
      'job requeued with backoff',
    );
    return;
  }
  await db.query(FAIL_JOB, [job.id, job.attempts, workerId, outcome.error]);
  log.error({ jobId: job.id, attempts: job.attempts, error: outcome.error }, 'job failed');
}
