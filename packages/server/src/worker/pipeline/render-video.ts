import { woofsCost } from '@alfie/core/contract';
import { RATIO_SIZES } from '../../engines/ratio-sizes.js';
import { isParkableVideoEngine, type VideoRequest, type VideoResult } from '../../engines/types.js';
import { appendOrderEvent } from '../../events/append.js';
import { deliverItem, failItem } from '../../orders/deliver.js';
import type { ClaimedJob } from '../../queue/types.js';
import { classifyError } from './classify.js';
import { remoteVideo } from './remote-video.js';
import type { ItemResult, ItemRow, OrderRow, PipelineDeps } from './types.js';
import { brandStyle, localeOf } from './types.js';

/** Progress events at most this often: enough for a smooth bar, without flooding the table. */
const PROGRESS_EVERY_MS = 500;

/**
 * Renders, uploads and delivers the order's video. Progress becomes `progress` events. The reel
 * and the order's Woofs are charged with the delivery, in one transaction. A parkable engine (a
 * remote provider) does not hold the slot while it renders: the job is parked on the render and
 * this step runs again when the webhook or the scheduled poll requeues it (remote-video.ts).
 */
export async function renderVideoItem(
  deps: PipelineDeps,
  job: ClaimedJob,
  order: OrderRow,
  item: ItemRow,
  signal: AbortSignal,
): Promise<ItemResult> {
  if (signal.aborted) return { kind: 'aborted' };
  const { width, height } = RATIO_SIZES[order.ratio];
  const durationSeconds = order.duration_seconds ?? 8;
  let lastProgressAt = 0;
  let progressWrite: Promise<unknown> = Promise.resolve();
  const onProgress = (progress: number) => {
    const now = Date.now();
    if (now - lastProgressAt < PROGRESS_EVERY_MS || progress >= 1) return;
    lastProgressAt = now;
    progressWrite = progressWrite
      .then(() =>
        appendOrderEvent(deps.db, { type: 'progress', orderId: order.id, itemId: item.id, progress }),
      )
      .catch((error) => deps.logger.warn({ err: error, orderId: order.id }, 'progress event failed'));
  };
  try {
    const request: VideoRequest = {
      topic: order.topic,
      ratio: order.ratio,
      width,
      height,
      durationSeconds,
      brand: brandStyle(order),
      locale: localeOf(item),
      signal,
      onProgress,
    };
    const engine = deps.engines.video;
    let video: VideoResult;
    if (isParkableVideoEngine(engine)) {
      const step = await remoteVideo(engine, job, request, deps.park);
      if (!('video' in step)) {
        await progressWrite;
        return step;
      }
      video = step.video;
    } else {
      video = await engine.generateVideo(request);
    }
    const base = `alfie/${order.brand_id}/${order.id}/video-${new Date(order.created_at).getTime()}`;
    const tags = [`brand:${order.brand_id}`, `order:${order.id}`, 'type:video', `ratio:${order.ratio}`];
    const poster = video.poster
      ? await deps.storage.put({
          publicId: `${base}-poster`,
          body: video.poster.body,
          contentType: video.poster.mimeType,
          resourceType: 'image',
          tags,
          signal,
        })
      : undefined;
    const stored = await deps.storage.put({
      publicId: base,
      body: video.body,
      contentType: video.mimeType,
      resourceType: 'video',
      tags,
      signal,
    });
    await progressWrite;
    const woofs = woofsCost(durationSeconds);
    const delivered = await deps.db.transaction((tx) =>
      deliverItem(
        tx,
        order,
        item,
        {
          table: 'media_generations',
          charge: { images: 0, reels: 1, woofs },
          metadata: {
            orderId: order.id,
            engine: deps.engines.video.name,
            storage: deps.storage.name,
            bytes: stored.bytes,
          },
          asset: {
            orderId: order.id,
            orderItemId: item.id,
            brandId: order.brand_id,
            type: 'video',
            url: stored.url,
            thumbnailUrl: stored.thumbnailUrl ?? poster?.url ?? null,
            publicId: stored.publicId,
            slideIndex: null,
            width: video.width,
            height: video.height,
            durationSeconds: video.durationSeconds,
            mimeType: video.mimeType,
            text: null,
          },
        },
        deps.logger,
      ),
    );
    if (delivered === 'closed') {
      // Canceled while this file was uploading: it belongs to no asset, so it must not linger.
      await deps.storage.delete([stored.publicId, ...(poster ? [poster.publicId] : [])]).catch(() => {});
    }
    return delivered === 'delivered' ? { kind: 'delivered' } : { kind: 'skipped' };
  } catch (error) {
    await progressWrite;
    const result = classifyError(error, signal, deps.logger, { itemId: item.id });
    if (result.kind === 'failed') await deps.db.transaction((tx) => failItem(tx, order, item, result.error));
    return result;
  }
}
