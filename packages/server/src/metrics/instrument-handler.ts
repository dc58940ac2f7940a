import type { ClaimedJob, JobContext, JobHandler, ParkingJobHandler, RunOutcome } from '../queue/types.js';
import { jobScope } from './job-scope.js';
import type { Metrics } from './metrics.js';

/**
 * Wraps a queue job handler to record each run's duration and outcome, and the job's final
 * outcome once it has one (alfie_job_run_seconds, alfie_jobs_finished_total), and runs it inside
 * the job's scope so engine calls log with the job's ids (see job-scope.ts). A handler that
 * throws is recorded as `retry`, which is what the runner makes of it.
 *
 * @example
 * handlers: { render_images: instrumentHandler(process, metrics) }
 */
export function instrumentHandler<H extends JobHandler | ParkingJobHandler>(handler: H, metrics: Metrics): H {
  return (async (job: ClaimedJob, context: JobContext) => {
    const started = performance.now();
    let outcome: RunOutcome['status'] = 'retry';
    try {
      const result = await jobScope.run({ logger: context.logger }, () => handler(job, context));
      outcome = result.status;
      if (outcome === 'retry' && job.attempts >= job.max_attempts) outcome = 'failed';
      return result;
    } finally {
      metrics.jobRun(
        { type: job.type, orderId: job.order_id },
        outcome,
        (performance.now() - started) / 1000,
      );
    }
  }) as H;
}
