import type { Db } from '../db/types.js';
import type { QueueLogger } from '../queue/types.js';
import { TAKE_CANCELED_RENDERS } from '../sql/providers/take-canceled-renders.js';
import { type RenderCanceler, type RenderJobRow, renderRefsOf } from './render-canceler.js';

/**
 * Cancels at the provider the renders whose order was canceled while its job was parked on them
 * (the cancel route only ends the job row; no worker holds a parked job): a video's render, or
 * every slide's render of a remote carousel. Each job is taken by exactly one worker
 * (TAKE_CANCELED_RENDERS). Returns the refs it canceled.
 *
 * @example
 * await cancelCanceledRenders(db, renderCanceler(engines), logger); // each poll of the worker
 */
export async function cancelCanceledRenders(
  db: Db,
  cancel: RenderCanceler | undefined,
  logger: QueueLogger,
): Promise<string[]> {
  if (!cancel) return [];
  const { rows } = await db.query<RenderJobRow & { id: string; order_id: string | null }>(
    TAKE_CANCELED_RENDERS,
    [20],
  );
  const canceled: string[] = [];
  for (const row of rows) {
    for (const ref of renderRefsOf(row)) {
      try {
        if (!(await cancel(row, ref))) continue;
        canceled.push(ref);
        logger.info(
          { event: 'render_canceled', jobId: row.id, orderId: row.order_id, provider: row.provider, ref },
          'render of a canceled order canceled at the provider',
        );
      } catch (error) {
        logger.warn({ err: error, jobId: row.id, ref }, 'provider render cancel failed');
      }
    }
  }
  return canceled;
}
