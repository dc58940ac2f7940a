/**
 * Database rows (snake_case) to the API's contract types (camelCase). The only place that knows both.
 * One explicit object literal per type, on purpose: they look alike (id, status, timestamps), but
 * each lists exactly the fields its contract type publishes, and TypeScript checks every one of them
 * against it; a generic column-renaming mapper would leak new columns into the API unchecked.
 */
import type {
  Asset,
  Brand,
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

type Row = Record<string, unknown>;

const iso = (value: unknown): string =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

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

export function toOrderItem(row: Row): OrderItem {
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

/** A row of LIST_ORDER_ASSETS (library_assets and media_generations already aligned). */
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

export function toBrand(row: Row): Brand {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    name: String(row.name),
    plan: String(row.plan),
    palette: (row.palette as string[]) ?? [],
    fonts: (row.fonts as string[]) ?? [],
    logoUrl: str(row.logo_url),
    voice: str(row.voice),
    niche: str(row.niche),
    createdAt: iso(row.created_at),
  };
}
