/**
 * An order's rows (snake_case) as the API's public shapes (camelCase): the one mapper of each shape,
 * used by the GET responses and by the live events alike, so a watcher and a reader get the same JSON.
 * One explicit object literal per type, on purpose: they look alike (id, status, timestamps), but
 * each lists exactly the fields its contract type publishes, and TypeScript checks every one of them
 * against it; a generic column-renaming mapper would leak new columns into the API unchecked.
 */
import type {
  Asset,
  Format,
  ItemStatus,
  ItemType,
  Job,
  JobStatus,
  JobType,
  Order,
  OrderItem,
  OrderStatus,
  Ratio,
} from '@alfie/core/contract';

import { iso, num, type Row, str } from '../db/row-values.js';

/** The order_items columns an item's public shape is made of (what item-changing statements return). */
export interface OrderItemRow {
  id: string;
  order_id: string;
  sequence_number: number;
  type: ItemType;
  status: ItemStatus;
  error: string | null;
  updated_at: Date | string;
}

export function toOrder(row: Row): Order {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    brandId: String(row.brand_id),
    type: row.type as Format,
    status: row.status as OrderStatus,
    topic: String(row.topic),
    ratio: row.ratio as Ratio,
    count: Number(row.count),
    duration: num(row.duration_seconds),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    reusedFromOrderId: str(row.reused_from_order_id),
    variants: num(row.variant_count),
    chosenVariant: num(row.chosen_variant),
  };
}

export function toOrderItem(row: OrderItemRow): OrderItem {
  return {
    id: String(row.id),
    orderId: String(row.order_id),
    sequenceNumber: Number(row.sequence_number),
    type: row.type as ItemType,
    status: row.status as ItemStatus,
    error: str(row.error),
    updatedAt: iso(row.updated_at),
  };
}

/**
 * A row of LIST_ORDER_ASSETS, or of the insert that delivered the asset (both return the columns of
 * library_assets and media_generations aligned the same way).
 */
export function toAsset(row: Row): Asset {
  const text = row.text_json as { title?: unknown; subtitle?: unknown } | null;
  return {
    id: String(row.id),
    orderId: String(row.order_id),
    orderItemId: str(row.order_item_id),
    brandId: String(row.brand_id),
    type: row.type as ItemType,
    url: String(row.url),
    thumbnailUrl: str(row.thumbnail_url),
    publicId: str(row.public_id),
    slideIndex: num(row.slide_index),
    width: num(row.width),
    height: num(row.height),
    durationSeconds: num(row.duration_seconds),
    mimeType: str(row.mime_type),
    text:
      text && typeof text === 'object'
        ? {
            ...(typeof text.title === 'string' ? { title: text.title } : {}),
            ...(typeof text.subtitle === 'string' ? { subtitle: text.subtitle } : {}),
          }
        : null,
    createdAt: iso(row.created_at),
  };
}

export function toJob(row: Row): Job {
  return {
    id: String(row.id),
    orderId: String(row.order_id),
    type: row.type as JobType,
    status: row.status as JobStatus,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    lastError: str(row.last_error),
    runAfter: iso(row.run_after),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
