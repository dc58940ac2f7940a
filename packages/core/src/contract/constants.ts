/** What can be ordered. */
export const FORMATS = ['image', 'carousel', 'video'] as const;
export type Format = (typeof FORMATS)[number];

/** Aspect ratios every engine supports (Gemini's imageConfig accepts all six). */
export const RATIOS = ['1:1', '4:5', '3:4', '2:3', '9:16', '16:9'] as const;
export type Ratio = (typeof RATIOS)[number];

/** Languages the carousel planner writes slide texts in (`GenerateRequest.locale`). */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Ratio used when a request names none. */
export const DEFAULT_RATIO: Record<Format, Ratio> = { image: '1:1', carousel: '4:5', video: '9:16' };

/** Inclusive bounds the server validates and the intent detector clamps to. */
export const LIMITS = {
  imageCount: { min: 1, max: 10, default: 1 },
  carouselSlides: { min: 2, max: 10, default: 5 },
  videoDuration: { min: 4, max: 60, default: 8 },
  topicLength: { min: 1, max: 2000 },
  brandNameLength: { min: 1, max: 120 },
  pageSize: { min: 1, max: 100, default: 20 },
} as const;

/**
 * `value` kept inside one of the LIMITS ranges, as a whole number (counts and seconds are integers).
 * The one clamp: the intent detector, the chat session and the widget's draft all keep a number
 * valid with it, so none of them can disagree with what the server accepts.
 *
 * @example
 * clampToLimit(15, LIMITS.carouselSlides); // 10
 */
export function clampToLimit(value: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}

export const ORDER_STATUSES = [
  'pending',
  'processing',
  'completed',
  'partial',
  'failed',
  'canceled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const TERMINAL_ORDER_STATUSES = ['completed', 'partial', 'failed', 'canceled'] as const;
export type TerminalOrderStatus = (typeof TERMINAL_ORDER_STATUSES)[number];

export const ITEM_STATUSES = ['pending', 'running', 'completed', 'failed', 'canceled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_TYPES = ['image', 'carousel_slide', 'video'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** `waiting` parks a job on a remote provider (webhook or scheduled poll) without holding a worker slot. */
export const JOB_STATUSES = ['queued', 'running', 'waiting', 'completed', 'failed', 'canceled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_TYPES = ['render_images', 'render_carousels', 'generate_video'] as const;
export type JobType = (typeof JOB_TYPES)[number];

export const JOB_TYPE_BY_FORMAT: Record<Format, JobType> = {
  image: 'render_images',
  carousel: 'render_carousels',
  video: 'generate_video',
};

export const PLANS = ['starter', 'pro', 'studio'] as const;
export type PlanName = (typeof PLANS)[number];

export function isTerminalOrderStatus(status: string): status is TerminalOrderStatus {
  return (TERMINAL_ORDER_STATUSES as readonly string[]).includes(status);
}

/**
 * Woofs a video costs, by duration in seconds. The SQL function `calculate_woofs_cost` is the
 * source of truth on the server; this mirror lets clients show the cost before they order.
 */
export function woofsCost(durationSeconds: number): number {
  if (durationSeconds <= 8) return 1;
  if (durationSeconds <= 15) return 2;
  if (durationSeconds <= 30) return 4;
  return 8;
}
