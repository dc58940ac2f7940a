import type { Queryable } from '../db/types.js';
import { GENERATION_TIME_BY_TYPE } from '../sql/admin/generation-time-by-type.js';
import { JOB_SUCCESS_BY_TYPE } from '../sql/admin/job-success-by-type.js';
import { LIST_PROBLEM_JOBS } from '../sql/admin/list-problem-jobs.js';
import { QUOTA_BY_PLAN } from '../sql/admin/quota-by-plan.js';
import { QUOTA_NOW_BY_PLAN } from '../sql/admin/quota-now-by-plan.js';
import { STUCK_JOBS_BY_BUCKET } from '../sql/admin/stuck-jobs-by-bucket.js';

export const RANGES = {
  '24h': { unit: 'hour', window: '24 hours', count: 24, stepSeconds: 3600 },
  '30d': { unit: 'day', window: '30 days', count: 30, stepSeconds: 86_400 },
} as const;
export type RangeName = keyof typeof RANGES;

const JOB_TYPES = ['render_images', 'render_carousels', 'generate_video'] as const;
const ORDER_TYPES = ['image', 'carousel', 'video'] as const;

type Series = (number | null)[];

/**
 * What an operator watches (jobs that succeed, generation time, quota use, stuck jobs) over one
 * range, as series aligned on the same UTC buckets so the charts can be read side by side.
 */
export interface AdminOverview {
  range: RangeName;
  /** Bucket starts, epoch seconds (UTC hours or days), oldest first. */
  buckets: number[];
  /** Success rate (0..1) by job type; null where no job of the type finished. */
  successRate: Record<string, Series>;
  jobsFinished: Record<string, { completed: number; failed: number; canceled: number }>;
  /** Mean order wall time in seconds by order type. */
  generationSeconds: Record<string, Series>;
  ordersDelivered: Record<string, number>;
  /** Images + reels charged by plan per bucket. */
  quotaCharged: Record<string, Series>;
  quotaNow: Array<Record<string, number | string>>;
  stuck: Series;
  stuckTotal: number;
}

export interface ProblemJob {
  id: string;
  type: string;
  status: string;
  problem: 'failed' | 'stuck';
  orderId: string | null;
  orderStatus: string | null;
  userId: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  lockedBy: string | null;
  pastLease: boolean;
  createdAt: string;
  updatedAt: string;
}

function bucketsOf(range: RangeName, now: Date): number[] {
  const { count, stepSeconds } = RANGES[range];
  const last = Math.floor(now.getTime() / 1000 / stepSeconds) * stepSeconds;
  return Array.from({ length: count }, (_, i) => last - (count - 1 - i) * stepSeconds);
}

function aligned<R extends { bucket: number }>(
  buckets: number[],
  rows: R[],
  value: (row: R) => number | null,
): Series {
  const byBucket = new Map(rows.map((row) => [Number(row.bucket), value(row)]));
  return buckets.map((b) => byBucket.get(b) ?? null);
}

/**
 * Reads the dashboards for `range` (five small queries over the window, run only when an admin
 * looks, never by /metrics).
 *
 * @example
 * const overview = await readOverview(db, '24h');
 */
export async function readOverview(
  db: Queryable,
  range: RangeName,
  now = new Date(),
): Promise<AdminOverview> {
  const { unit, window } = RANGES[range];
  const buckets = bucketsOf(range, now);
  const params = [unit, window];
  const [success, timing, quota, quotaNow, stuck] = await Promise.all([
    db.query<{ bucket: number; type: string; completed: number; failed: number; canceled: number }>(
      JOB_SUCCESS_BY_TYPE,
      params,
    ),
    db.query<{ bucket: number; type: string; mean_seconds: number; orders: number }>(
      GENERATION_TIME_BY_TYPE,
      params,
    ),
    db.query<{ bucket: number; plan: string; images: number; reels: number }>(QUOTA_BY_PLAN, params),
    db.query<Record<string, number | string>>(QUOTA_NOW_BY_PLAN),
    db.query<{ bucket: number; stuck: number }>(STUCK_JOBS_BY_BUCKET, params),
  ]);

  const successRate: AdminOverview['successRate'] = {};
  const jobsFinished: AdminOverview['jobsFinished'] = {};
  for (const type of JOB_TYPES) {
    const rows = success.rows.filter((r) => r.type === type);
    successRate[type] = aligned(buckets, rows, (r) =>
      r.completed + r.failed > 0 ? r.completed / (r.completed + r.failed) : null,
    );
    jobsFinished[type] = {
      completed: rows.reduce((n, r) => n + r.completed, 0),
      failed: rows.reduce((n, r) => n + r.failed, 0),
      canceled: rows.reduce((n, r) => n + r.canceled, 0),
    };
  }
  const generationSeconds: AdminOverview['generationSeconds'] = {};
  const ordersDelivered: AdminOverview['ordersDelivered'] = {};
  for (const type of ORDER_TYPES) {
    const rows = timing.rows.filter((r) => r.type === type);
    generationSeconds[type] = aligned(buckets, rows, (r) => Number(r.mean_seconds));
    ordersDelivered[type] = rows.reduce((n, r) => n + r.orders, 0);
  }
  const quotaCharged: AdminOverview['quotaCharged'] = {};
  for (const row of quotaNow.rows) {
    const plan = String(row.plan);
    const rows = quota.rows.filter((r) => r.plan === plan);
    quotaCharged[plan] = aligned(buckets, rows, (r) => r.images + r.reels);
  }
  return {
    range,
    buckets,
    successRate,
    jobsFinished,
    generationSeconds,
    ordersDelivered,
    quotaCharged,
    quotaNow: quotaNow.rows,
    stuck: aligned(buckets, stuck.rows, (r) => r.stuck),
    stuckTotal: stuck.rows.reduce((n, r) => n + r.stuck, 0),
  };
}

/** Failed jobs of the range and jobs open for more than 10 minutes, newest first. */
export async function listProblemJobs(db: Queryable, range: RangeName, limit = 50): Promise<ProblemJob[]> {
  const { rows } = await db.query<Record<string, unknown>>(LIST_PROBLEM_JOBS, [RANGES[range].window, limit]);
  return rows.map((r) => ({
    id: String(r.id),
    type: String(r.type),
    status: String(r.status),
    problem: r.problem === 'failed' ? 'failed' : 'stuck',
    orderId: (r.order_id as string | null) ?? null,
    orderStatus: (r.order_status as string | null) ?? null,
    userId: String(r.user_id),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    lastError: (r.last_error as string | null) ?? null,
    lockedBy: (r.locked_by as string | null) ?? null,
    pastLease: r.past_lease === true,
    createdAt: new Date(r.created_at as string).toISOString(),
    updatedAt: new Date(r.updated_at as string).toISOString(),
  }));
}
