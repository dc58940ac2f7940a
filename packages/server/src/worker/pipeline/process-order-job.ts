import type { SlideText } from '../../engines/types.js';
import { finishOrder } from '../../orders/finish.js';
import { startOrder } from '../../orders/start.js';
import type { ClaimedJob, JobContext, ParkedOutcome, RunOutcome } from '../../queue/types.js';
import { LIST_ORDER_ITEMS } from '../../sql/queue/list-order-items.js';
import { LOAD_JOB_ORDER } from '../../sql/queue/load-job-order.js';
import { mapBounded } from './bounded.js';
import { renderImageItem } from './render-image.js';
import { renderVideoItem } from './render-video.js';
import { planSlideTexts } from './slide-texts.js';
import type { ItemResult, ItemRow, OrderRow, PipelineDeps } from './types.js';

const OPEN_ITEM = new Set(['pending', 'running']);

/**
 * The one processor behind `render_images`, `render_carousels` and `generate_video`: one code path
 * for every format, so delivery, charging and retries cannot drift apart between them. It works from the order's
 * items rather than the payload, so a retried job redoes only what is not delivered yet.
 */
export async function processOrderJob(
  deps: PipelineDeps,
  job: ClaimedJob,
  ctx: JobContext,
): Promise<RunOutcome> {
  // The job's logger carries request, order, job and attempt ids (queue/runner.ts).
  deps = { ...deps, logger: ctx.logger };
  if (!job.order_id) return { status: 'failed', error: 'job has no order' };
  const order = (await deps.db.query<OrderRow>(LOAD_JOB_ORDER, [job.order_id])).rows[0];
  if (!order) return { status: 'failed', error: `order ${job.order_id} not found` };
  if (order.status === 'canceled') return { status: 'canceled' };
  // Finished by an earlier run that crashed before completing its job.
  if (order.status !== 'pending' && order.status !== 'processing') return { status: 'completed' };

  const items = (await deps.db.query<ItemRow>(LIST_ORDER_ITEMS, [order.id])).rows;
  const todo = items.filter((item) => OPEN_ITEM.has(item.status));
  await deps.db.transaction((tx) =>
    startOrder(
      tx,
      order.id,
      todo.map((item) => item.id),
    ),
  );

  let texts = new Map<string, SlideText>();
  if (order.type === 'carousel' && todo.length > 0) {
    const planned = await planSlideTexts(deps, order, items, ctx.signal);
    if ('retry' in planned) return finishOrRetry(deps, job, ctx, order, [planned.retry]);
    texts = planned.texts;
  }

  const results = await mapBounded(todo, order.type === 'video' ? 1 : deps.itemConcurrency, (item) =>
    order.type === 'video'
      ? renderVideoItem(deps, job, order, item, ctx.signal)
      : renderImageItem(deps, job, order, item, ctx.signal, texts.get(item.id)),
  );
  return finishOrRetry(deps, job, ctx, order, results);
}

/**
 * After a run: requeue when retryable failures remain and attempts are left, otherwise end the
 * order (completed / partial / failed, quota settled) and the job with it.
 */
async function finishOrRetry(
  deps: PipelineDeps,
  job: ClaimedJob,
  ctx: JobContext,
  order: OrderRow,
  results: ItemResult[],
): Promise<RunOutcome> {
  const park = parkOutcome(results);
  if (ctx.signal.aborted || results.some((r) => r.kind === 'aborted')) {
    // Shutdown or a lost lease: the render goes on at the provider, so the job is parked on it all
    // the same (the park's claim token check decides whether this worker still may).
    const interrupted = ctx.abortReason() !== 'canceled';
    if (park && interrupted) return park;
    await park?.abandon?.().catch(() => {});
    return interrupted ? { status: 'released' } : { status: 'canceled' };
  }
  if (park) return park;
  const retryable = results.filter((r): r is Extract<ItemResult, { kind: 'retry' }> => r.kind === 'retry');
  const firstRetry = retryable[0];
  if (firstRetry && job.attempts < job.max_attempts) {
    const retryAfterMs = Math.max(0, ...retryable.map((r) => r.retryAfterMs ?? 0)) || undefined;
    return { status: 'retry', error: firstRetry.error, retryAfterMs };
  }
  const reason = firstRetry
    ? `${firstRetry.error} (after ${job.attempts} attempts)`
    : ((results.find((r) => r.kind === 'failed') as { error: string } | undefined)?.error ?? 'not delivered');
  const finished = await deps.db.transaction((tx) => finishOrder(tx, order.id, reason));
  if (!finished) return { status: 'canceled' };
  deps.logger.info(
    {
      event: 'order_finished',
      orderId: order.id,
      status: finished.status,
      delivered: finished.completedCount,
      expected: finished.expectedTotal,
    },
    'order finished',
  );
  deps.metrics?.orderFinished(
    { id: order.id, type: order.type, createdAt: order.created_at },
    finished.status,
  );
  return finished.status === 'failed' ? { status: 'failed', error: reason } : { status: 'completed' };
}

/**
 * One park for every item still waiting on its render: the job waits on all of them, its next
 * poll is the soonest one's, and abandoning it cancels every render this run started.
 */
function parkOutcome(results: ItemResult[]): ParkedOutcome | undefined {
  const parked = results.filter((r): r is Extract<ItemResult, { kind: 'parked' }> => r.kind === 'parked');
  const first = parked[0];
  if (!first) return undefined;
  const abandons = parked.flatMap((p) => (p.abandon ? [p.abandon] : []));
  const renders = parked.flatMap((p) =>
    p.item ? [{ item: p.item, ref: p.ref, ...(p.startedAt && { startedAt: p.startedAt }) }] : [],
  );
  return {
    status: 'parked',
    provider: first.provider,
    ref: first.ref,
    pollAfterMs: Math.min(...parked.map((p) => p.pollAfterMs)),
    abandon:
      abandons.length > 0
        ? async () => {
            await Promise.all(abandons.map((abandon) => abandon().catch(() => {})));
          }
        : undefined,
    renders: renders.length > 0 ? renders : undefined,
  };
}
