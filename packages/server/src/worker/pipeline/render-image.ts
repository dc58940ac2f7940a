import { RATIO_SIZES } from '../../engines/ratio-sizes.js';
import {
  type ImageRequest,
  type ImageResult,
  isParkableImageEngine,
  type SlideText,
} from '../../engines/types.js';
import { deliverItem, failItem } from '../../orders/deliver.js';
import type { ClaimedJob } from '../../queue/types.js';
import { slideIndexOf, variantOf } from '../../variants/items.js';
import { variantSeed } from '../../variants/styles.js';
import { classifyError } from './classify.js';
import { remoteImage } from './remote-image.js';
import type { ItemResult, ItemRow, OrderRow, PipelineDeps } from './types.js';
import { brandStyle, localeOf } from './types.js';

/**
 * Renders, uploads and delivers one image or carousel slide. A parkable engine (Replicate with a
 * webhook) does not hold the slot while it renders: the item parks on its render and this step
 * runs again for it when the webhook or the scheduled poll requeues the job (remote-image.ts). Slides are named `slide-{index}` and
 * images `image-{timestamp}-{index}` (the order's creation time: parallel images of one order
 * must not overwrite each other, and a retry overwrites its own earlier upload, never a sibling).
 */
export async function renderImageItem(
  deps: PipelineDeps,
  job: ClaimedJob,
  order: OrderRow,
  item: ItemRow,
  signal: AbortSignal,
  slideText?: SlideText,
): Promise<ItemResult> {
  if (signal.aborted) return { kind: 'aborted' };
  const isSlide = order.type === 'carousel';
  const { width, height } = RATIO_SIZES[order.ratio];
  const variant = variantOf(item.brief_json);
  try {
    const request: ImageRequest = {
      topic: order.topic,
      ratio: order.ratio,
      width,
      height,
      brand: brandStyle(order),
      locale: localeOf(item),
      slide: isSlide ? { index: slideIndexOf(item), total: order.count, text: slideText } : undefined,
      item: { index: item.sequence_number, total: order.count },
      variant: variant && {
        index: variant.index,
        style: variant.style,
        seed: variantSeed(order.id, variant.index),
      },
      signal,
    };
    const engine = deps.engines.image;
    let image: ImageResult;
    if (isParkableImageEngine(engine)) {
      const step = await remoteImage(engine, job, item.id, request, deps.park);
      if (!('image' in step)) return step;
      image = step.image;
    } else {
      image = await engine.generateImage(request);
    }
    // A redone slide gets a file of its own: the old URL may still sit in a browser's cache.
    const redo = Number(item.brief_json?.redo ?? 0);
    const name = `${
      isSlide
        ? `slide-${item.sequence_number}`
        : `image-${new Date(order.created_at).getTime()}-${item.sequence_number}`
    }${redo > 0 ? `-r${redo}` : ''}`;
    const stored = await deps.storage.put({
      publicId: `alfie/${order.brand_id}/${order.id}/${name}`,
      body: image.body,
      contentType: image.mimeType,
      resourceType: 'image',
      tags: [
        `brand:${order.brand_id}`,
        `order:${order.id}`,
        `type:${isSlide ? 'carousel_slide' : 'image'}`,
        `ratio:${order.ratio}`,
      ],
      signal,
    });
    const delivered = await deps.db.transaction((tx) =>
      deliverItem(
        tx,
        order,
        item,
        {
          table: 'library_assets',
          charge: { images: 1, reels: 0, woofs: 0 },
          metadata: {
            engine: deps.engines.image.name,
            storage: deps.storage.name,
            bytes: stored.bytes,
            ratio: order.ratio,
            ...(variant && { variant: variant.index, variantStyle: variant.style }),
          },
          asset: {
            orderId: order.id,
            orderItemId: item.id,
            brandId: order.brand_id,
            type: isSlide ? 'carousel_slide' : 'image',
            url: stored.url,
            thumbnailUrl: stored.thumbnailUrl ?? null,
            publicId: stored.publicId,
            slideIndex: item.sequence_number,
            width: image.width,
            height: image.height,
            durationSeconds: null,
            mimeType: image.mimeType,
            text: slideText ?? null,
          },
        },
        deps.logger,
      ),
    );
    if (delivered === 'closed') {
      // Canceled while this file was uploading: it belongs to no asset, so it must not linger.
      await deps.storage.delete([stored.publicId]).catch(() => {});
    }
    return delivered === 'delivered' ? { kind: 'delivered' } : { kind: 'skipped' };
  } catch (error) {
    const result = classifyError(error, signal, deps.logger, { itemId: item.id });
    if (result.kind === 'failed') await deps.db.transaction((tx) => failItem(tx, order, item, result.error));
    return result;
  }
}
