import type { Db } from '../db/types.js';
import { PARK_PROVIDER_JOB } from '../sql/providers/park-provider-job.js';
import { WAKE_DUE_WAITING_JOBS } from '../sql/providers/wake-due-waiting-jobs.js';
import type { ClaimedJob, ParkedOutcome, QueueLogger } from './types.js';

/**
 * Parks a claimed job on its provider's render (PARK_PROVIDER_JOB): `waiting`, the attempt given
 * back, the poll scheduled, the lease running on. When the claim token no longer matches (the
 * order was canceled meanwhile, or the lease was lost) nothing is parked, and the render nobody
 * will read is abandoned (canceled at the provider).
 */
export async function parkJob(
  db: Db,
  job: ClaimedJob,
  outcome: ParkedOutcome,
  leaseMs: number,
  log: QueueLogger,
): Promise<void> {
  const { rows } = await db.query<{ run_after: Date }>(PARK_PROVIDER_JOB, [
    job.id,
    job.attempts,
    outcome.provider,
    outcome.ref,
    Math.max(0, Math.round(outcome.pollAfterMs)),
    leaseMs,
    outcome.renders ? JSON.stringify(outcome.renders) : null,
    outcome.renders ? outcome.renders.map((render) => render.ref) : [outcome.ref],
  ]);
  if (rows[0]) {
    log.info(
      {
        event: 'job_parked',
        jobId: job.id,
        provider: outcome.provider,
        ref: outcome.ref,
        renders: outcome.renders?.length,
        pollAt: rows[0].run_after,
      },
      'job parked on provider render',
    );
    return;
  }
  log.warn(
    { jobId: job.id, provider: outcome.provider, ref: outcome.ref },
    'job could not be parked (canceled or lease lost); abandoning its render',
  );
  await outcome
    .abandon?.()
    .catch((error) => log.warn({ err: error, ref: outcome.ref }, 'render abandon failed'));
}

/**
 * The scheduled poll of parked renders: `waiting` jobs whose poll time has come are requeued; the
 * job_queue trigger NOTIFYs every worker, which claims them like any due job. Returns how many.
 */
export async function wakeDueWaitingJobs(db: Db): Promise<number> {
  const { rows } = await db.query<{ id: string }>(WAKE_DUE_WAITING_JOBS);
  return rows.length;
}
