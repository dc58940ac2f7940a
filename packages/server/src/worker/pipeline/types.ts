import type { Ratio } from '@alfie/core/contract';
import type { Db } from '../../db/types.js';
import type { Engines } from '../../engines/index.js';
import type { BrandStyle, SlideText } from '../../engines/types.js';
import type { Metrics } from '../../metrics/metrics.js';
import type { OrderItemRow } from '../../orders/shapes.js';
import type { QueueLogger } from '../../queue/types.js';
import type { Storage } from '../../storage/types.js';

export interface PipelineDeps {
  db: Db;
  engines: Engines;
  storage: Storage;
  logger: QueueLogger;
  /** Images or slides of one order rendered at once. */
  itemConcurrency: number;
  /** Prometheus metrics of this process (order wall time, partial outcomes). */
  metrics?: Metrics;
  /** Scheduled polls of renders parked on a provider (see remote-video.ts). */
  park: ParkTiming;
}

export interface ParkTiming {
  /** First poll after a render starts, and the shortest gap between polls. */
  pollMs: number;
  /** Longest gap between polls. */
  pollMaxMs: number;
  /** A render still running this long after it started is canceled and its item fails. */
  timeoutMs: number;
}

export interface OrderRow {
  id: string;
  user_id: string;
  brand_id: string;
  type: 'image' | 'carousel' | 'video';
  status: string;
  topic: string;
  ratio: Ratio;
  count: number;
  duration_seconds: number | null;
  reserved_woofs: number;
  created_at: Date;
  brand_name: string;
  palette: string[];
  fonts: string[];
  voice: string | null;
  niche: string | null;
  logo_url: string | null;
}

/** A whole order_items row: its public columns plus what the worker renders from. */
export interface ItemRow extends OrderItemRow {
  brief_json: Record<string, unknown> | null;
  text_json: SlideText | null;
}

/** What rendering one item came to. */
export type ItemResult =
  | { kind: 'delivered' }
  /** Already delivered by an earlier attempt, or the order closed meanwhile: nothing written. */
  | { kind: 'skipped' }
  | { kind: 'failed'; error: string }
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  | { kind: 'aborted' }
  /** Waiting on a provider's render: the job is parked on it (queue/types.ts ParkedOutcome). */
  | {
      kind: 'parked';
      provider: string;
      ref: string;
      pollAfterMs: number;
      abandon?: () => Promise<void>;
      /** The item this render is for, when each item has one (remote images, remote-image.ts). */
      item?: string;
      /** When that render started (database clock), once a park has recorded it. */
      startedAt?: string;
    };

export function brandStyle(order: OrderRow): BrandStyle {
  return {
    name: order.brand_name,
    palette: order.palette ?? [],
    fonts: order.fonts ?? [],
    voice: order.voice,
    niche: order.niche,
    logoUrl: order.logo_url,
  };
}

export function localeOf(item: ItemRow | undefined): string {
  const locale = item?.brief_json?.locale;
  return typeof locale === 'string' ? locale : 'en';
}
