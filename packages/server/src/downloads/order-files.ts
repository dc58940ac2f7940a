import { type Asset, isTerminalOrderStatus, type OrderStatus } from '@alfie/core/contract';
import type { UserPrincipal } from '../auth/principal.js';
import type { Queryable } from '../db/types.js';
import { conflict, notFound } from '../errors.js';
import { toAsset } from '../orders/shapes.js';
import { GET_ORDER_FOR_DOWNLOAD } from '../sql/orders/get-order-for-download.js';
import { LIST_ORDER_ASSETS } from '../sql/orders/list-order-assets.js';
import { extensionFor } from '../storage/content-types.js';
import { downloadName } from './file-name.js';

export interface OrderFile {
  asset: Asset;
  /** `Brand - Topic - slide 2.png`. */
  fileName: string;
}

export interface OrderFiles {
  brand: string;
  topic: string;
  files: OrderFile[];
  /** Name of the whole order with another extension: `Brand - Topic.zip`. */
  nameWith: (extension: string) => string;
}

/**
 * The caller's order and its delivered files, each with its download name. NOT_FOUND for an
 * order that is not theirs; CONFLICT while it is still rendering (a ZIP or PDF would be short)
 * or when it delivered nothing.
 */
export async function loadOrderFiles(
  db: Queryable,
  user: UserPrincipal,
  orderId: string,
  { whole }: { whole: boolean },
): Promise<OrderFiles> {
  const { rows } = await db.query<{ type: string; status: OrderStatus; topic: string; brand_name: string }>(
    GET_ORDER_FOR_DOWNLOAD,
    [orderId, user.userId, user.brandIds],
  );
  const order = rows[0];
  if (!order) throw notFound('Order');
  if (whole && !isTerminalOrderStatus(order.status))
    throw conflict(`The order is ${order.status}: download it once it has finished`);
  const assets = (await db.query(LIST_ORDER_ASSETS, [[orderId], user.userId])).rows.map(toAsset);
  if (whole && assets.length === 0) throw conflict(`The order is ${order.status} and delivered no file`);
  const images = assets.filter((asset) => asset.type === 'image').length;
  const files = assets.map((asset, position) => ({
    asset,
    fileName: downloadName({
      brand: order.brand_name,
      topic: order.topic,
      item: itemLabel(asset, position, images),
      extension: extensionOf(asset),
    }),
  }));
  return {
    brand: order.brand_name,
    topic: order.topic,
    files,
    nameWith: (extension) => downloadName({ brand: order.brand_name, topic: order.topic, extension }),
  };
}

function itemLabel(asset: Asset, position: number, images: number): string {
  if (asset.type === 'carousel_slide') return `slide ${(asset.slideIndex ?? position) + 1}`;
  if (asset.type === 'video') return 'video';
  return images > 1 ? `image ${(asset.slideIndex ?? position) + 1}` : 'image';
}

function extensionOf(asset: Asset): string {
  try {
    return extensionFor(asset.mimeType ?? '');
  } catch {
    // A provider's format we do not know: keep the URL's own extension, else a neutral one.
    return /\.([a-z0-9]{2,5})(?:$|\?)/i.exec(asset.url)?.[1]?.toLowerCase() ?? 'bin';
  }
}
