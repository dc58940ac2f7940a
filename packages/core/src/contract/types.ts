import type {
  Format,
  ItemStatus,
  ItemType,
  JobStatus,
  JobType,
  Locale,
  OrderStatus,
  PlanName,
  Ratio,
  TerminalOrderStatus,
} from './constants.js';
import type { QuotaCounts } from './errors.js';
import type { ReusePolicy } from './reuse-variants.js';

/** Body of `POST /v1/generate`. Validated by `generateRequestSchema`. */
export interface GenerateRequest {
  format: Format;
  /** Images (1–10, default 1) or carousel slides (2–10, default 5). Ignored for video, which is always 1. */
  count?: number;
  topic: string;
  brandId: string;
  /** Defaults by format: image 1:1, carousel 4:5, video 9:16. */
  ratio?: Ratio;
  /** Video only, 4–60 seconds, default 8. */
  duration?: number | null;
  /**
   * Language of the texts the engines write: a carousel's planned slide titles and subtitles, and
   * any text drawn in an image or video. Absent: the server's default (English).
   */
  locale?: Locale;
  /** What to do when the brand already has a matching visual (see `ReusePolicy`). Default `never`. */
  reuse?: ReusePolicy;
  /** Reuse this earlier order (a match offered before); 409 CONFLICT when it no longer matches. */
  reuseOf?: string;
  /**
   * A/B variants, 2–4: of the one image of an image order (`count` must be 1), or of a carousel's
   * cover. Each variant is one more image, charged like any other.
   */
  variants?: number;
}

export interface GenerateResponse {
  orderId: string;
  /** The render job; null for a reuse, which renders nothing. */
  jobId: string | null;
  /** Set when the order reused an earlier one's files (free, completed at once). */
  reusedFromOrderId?: string;
}

/** Body of `DELETE /v1/orders/:id`: the order, its rows and its stored files are gone. */
export interface DeleteOrderResponse {
  orderId: string;
  /** How many delivered assets (images, slides, videos with their posters) were removed from storage. */
  deletedAssets: number;
}

/** Body of `POST /v1/orders/:id/items/:slide/redo` (202): that slide is being drawn again. */
export interface RedoItemResponse {
  orderId: string;
  /** The slide (or image) redone, 1-based as the user counts. */
  slide: number;
  itemId: string;
}

export interface Order {
  id: string;
  userId: string;
  brandId: string;
  type: Format;
  status: OrderStatus;
  topic: string;
  ratio: Ratio;
  count: number;
  duration: number | null;
  createdAt: string;
  updatedAt: string;
  /** The order whose files this one reused, or null. */
  reusedFromOrderId?: string | null;
  /** Number of A/B variants asked for, or null. */
  variants?: number | null;
  /** Index of the variant the user chose, or null. */
  chosenVariant?: number | null;
}

export interface OrderItem {
  id: string;
  orderId: string;
  sequenceNumber: number;
  type: ItemType;
  status: ItemStatus;
  error: string | null;
  updatedAt: string;
}

/** A delivered file: an image, a carousel slide (library_assets) or a video (media_generations). */
export interface Asset {
  id: string;
  orderId: string;
  orderItemId: string | null;
  brandId: string;
  type: ItemType;
  url: string;
  thumbnailUrl: string | null;
  publicId: string | null;
  slideIndex: number | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  mimeType: string | null;
  /** Planned slide text (title, subtitle) for carousels. */
  text: { title?: string; subtitle?: string } | null;
  createdAt: string;
}

export interface Job {
  id: string;
  orderId: string;
  type: JobType;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAfter: string;
  createdAt: string;
  updatedAt: string;
}

/** `GET /v1/orders/:id`: the order with everything a client needs to render it. */
export interface OrderDetail extends Order {
  items: OrderItem[];
  /** Sorted by `slideIndex`. */
  assets: Asset[];
  expectedTotal: number;
  completedCount: number;
  job: Pick<Job, 'id' | 'status' | 'attempts' | 'maxAttempts' | 'lastError'> | null;
}

/** `GET /v1/quotas/:brandId`: what a brand may still order this period, and when it resets. */
export interface Quota {
  brandId: string;
  plan: PlanName | string;
  /** yyyymm, e.g. 202611. */
  period: number;
  /** ISO instant when the period's counters restart (first day of next month, UTC). */
  resetsAt: string;
  limits: QuotaCounts;
  used: QuotaCounts;
  reserved: QuotaCounts;
  remaining: QuotaCounts;
  /** True when the caller is an admin: quotas do not apply. */
  bypass: boolean;
}

export interface Brand {
  id: string;
  userId: string;
  name: string;
  plan: PlanName | string;
  palette: string[];
  fonts: string[];
  logoUrl: string | null;
  voice: string | null;
  niche: string | null;
  /** Language of the brand's texts: an order without `locale` uses it. */
  locale: Locale | null;
  createdAt: string;
}

export interface CreateBrandRequest {
  name: string;
  palette?: string[];
  fonts?: string[];
  logoUrl?: string | null;
  voice?: string | null;
  niche?: string | null;
  locale?: Locale | null;
  /** Only honoured for requests authenticated with a secret API key. */
  plan?: PlanName;
}

export interface UpdateBrandRequest extends Partial<CreateBrandRequest> {}

/** `POST /v1/tokens` (secret API key only): mint a short-lived browser token for one user. */
export interface CreateTokenRequest {
  userId: string;
  email?: string;
  brandIds?: string[];
  /** Seconds, 60–86400, default 3600. */
  expiresIn?: number;
}

export interface CreateTokenResponse {
  token: string;
  expiresAt: string;
}

/** Cursor pagination: pass `nextCursor` back as `cursor` until it is null. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface ListOrdersQuery {
  brandId?: string;
  status?: OrderStatus;
  cursor?: string;
  limit?: number;
}

export interface ListLibraryQuery {
  brandId?: string;
  type?: Format;
  orderId?: string;
  cursor?: string;
  limit?: number;
}

/** One library entry per order: a carousel's slides stay together, sorted by slide. */
export interface LibraryEntry {
  orderId: string;
  brandId: string;
  format: Format;
  topic: string;
  createdAt: string;
  /** With variants, the chosen one comes first and the others follow. */
  assets: Asset[];
  reusedFromOrderId?: string | null;
  variants?: number | null;
  chosenVariant?: number | null;
}

export interface Health {
  ok: boolean;
  version: string;
  database: 'postgres' | 'pglite';
}

/**
 * Server-Sent Events of `GET /v1/orders/:id/events` and `GET /v1/events`. The SSE `event:` field is
 * `type`, `data:` is this object as JSON, and `id:` is a cursor for `Last-Event-ID`.
 */
export type OrderEvent =
  | { type: 'status'; orderId: string; status: OrderStatus }
  | { type: 'item'; orderId: string; item: OrderItem }
  | { type: 'asset'; orderId: string; asset: Asset }
  | { type: 'progress'; orderId: string; itemId: string; progress: number }
  | {
      type: 'end';
      orderId: string;
      status: TerminalOrderStatus;
      completedCount: number;
      expectedTotal: number;
    };

export type OrderEventType = OrderEvent['type'];
