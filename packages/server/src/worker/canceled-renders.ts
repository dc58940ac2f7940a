import type { Db } from '../db/types.js';
import { isParkableVideoEngine, type VideoEngine } from '../engines/types.js';
import type { QueueLogger } from '../queue/types.js';
import { TAKE_CANCELED_RENDERS } from '../sql/providers/take-canceled-renders.js';

/**
 * Cancels at the provider the renders whose order was canceled while its job was parked on them
 * (the cancel route only ends the job row; no worker holds a parked job). Each render is taken by
 * exactly one worker (TAKE_CANCELED_RENDERS). A render of another provider than the configured
 * engine's (the configuration changed) is left alone. Returns the refs it canceled.
 *
 * @example
 * await cancelCanceledRenders(db, engines.video, logger); // each poll of the worker
 */
export async function cancelCanceledRenders(
  db: Db,
  engine: VideoEngine,
  logger: QueueLogger,
): Promise<string[]> {
  if (!isParkableVideoEngine(engine)) return [];
  const { rows } = await db.query<{
    id: string;
    order_id: string | null;
    provider: string;
    provider_ref: string;
  }>(TAKE_CANCELED_RENDERS, [20]);
  const provider = engine.name.split(':')[0];
  const canceled: string[] = [];
  for (const row of rows) {
    if (row.provider !== provider) continue;
    try {
      await engine.cancelVideo(row.provider_ref);
      canceled.push(row.provider_ref);
      logger.info(
        { event: 'render_canceled', jobId: row.id, orderId: row.order_id, provider, ref: row.provider_ref },
        'render of a canceled order canceled at the provider',
      );
    } catch (error) {
      logger.warn({ err: error, jobId: row.id, ref: row.provider_ref }, 'provider render cancel failed');
    }
  }
  return canceled;
}
