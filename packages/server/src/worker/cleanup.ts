import type { Db } from '../db/types.js';
import { finishOrder } from '../orders/finish.js';
import type { QueueLogger } from '../queue/types.js';
import { RECOVER_STUCK_JOBS } from '../sql/queue/recover-stuck-jobs.js';
import { safeError } from './pipeline/safe-errors.js';
import { type RenderCanceler, type RenderJobRow, renderRefsOf } from './render-canceler.js';

export interface CleanupResult {
  requeued: string[];
  failed: string[];
}

/**
 * Stuck-job recovery, so a dead worker never strands an order: a job running past its lease (its
 * worker died or hung), or
 * parked on a provider past it (a lost webhook), is requeued while attempts remain, or failed; the order of a failed job is ended (undelivered items
 * failed, quota released) so it never hangs in `processing`. Safe to run from every worker at once.
 *
 * @example
 * const { requeued, failed } = await recoverStuckJobs(db, logger);
 */
export async function recoverStuckJobs(
  db: Db,
  logger: QueueLogger,
  /** Cancels the provider renders of a parked job that is failed for good (nobody will read them). */
  cancelRender?: RenderCanceler,
): Promise<CleanupResult> {
  const { rows } = await db.query<
    RenderJobRow & { id: string; order_id: string | null; status: string; attempts: number }
  >(RECOVER_STUCK_JOBS);
  const result: CleanupResult = { requeued: [], failed: [] };
  for (const job of rows) {
    if (job.status === 'queued') {
      result.requeued.push(job.id);
      continue;
    }
    result.failed.push(job.id);
    for (const ref of cancelRender && job.provider ? renderRefsOf(job) : []) {
      await cancelRender?.(job, ref).catch((error) =>
        logger.warn({ err: error, jobId: job.id, ref }, 'provider render cancel failed'),
      );
    }
    const orderId = job.order_id;
    if (orderId) {
      await db.transaction((tx) => finishOrder(tx, orderId, safeError('WORKER_LOST')));
    }
  }
  if (rows.length > 0) {
    logger.warn(
      { event: 'stuck_jobs', requeued: result.requeued, failed: result.failed },
      'stuck jobs recovered',
    );
  }
  return result;
}
