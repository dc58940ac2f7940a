/**
 * Orders as POST /v1/generate makes them (quota reserved, order, items, job in one transaction),
 * written directly so the pipeline tests do not depend on the HTTP layer.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/types.js';
import { reserveQuota } from '../../src/quota/reserve.js';
import type { TestApp, TestUser } from '../helpers/app.js';

export function currentPeriod(): number {
  const now = new Date();
  return now.getUTCFullYear() * 100 + now.getUTCMonth() + 1;
}

export async function seedBrand(db: Db, plan = 'starter'): Promise<{ userId: string; brandId: string }> {
  const userId = randomUUID();
  const { rows } = await db.query<{ id: string }>(
    `insert into brands (user_id, name, palette, plan) values ($1, 'Test brand', '["#0B3D91","#F2A900"]', $2) returning id`,
    [userId, plan],
  );
  return { userId, brandId: rows[0]!.id };
}

export interface OrderSpec {
  userId: string;
  brandId: string;
  format: 'image' | 'carousel' | 'video';
  count?: number;
  duration?: number;
  ratio?: string;
  topic?: string;
  priority?: number;
  maxAttempts?: number;
}

const JOB_TYPE = { image: 'render_images', carousel: 'render_carousels', video: 'generate_video' } as const;
const ITEM_TYPE = { image: 'image', carousel: 'carousel_slide', video: 'video' } as const;

export async function createOrder(db: Db, spec: OrderSpec): Promise<{ orderId: string; jobId: string }> {
  const count = spec.format === 'video' ? 1 : (spec.count ?? 1);
  const duration = spec.format === 'video' ? (spec.duration ?? 8) : null;
  const woofs = duration === null ? 0 : duration <= 8 ? 1 : duration <= 15 ? 2 : duration <= 30 ? 4 : 8;
  const images = spec.format === 'video' ? 0 : count;
  const reels = spec.format === 'video' ? 1 : 0;
  const period = currentPeriod();
  const ratio = spec.ratio ?? (spec.format === 'video' ? '9:16' : spec.format === 'carousel' ? '4:5' : '1:1');
  return db.transaction(async (tx) => {
    if (!(await reserveQuota(tx, spec.brandId, period, { images, reels, woofs }))) {
      throw new Error('QUOTA_EXCEEDED');
    }
    const order = await tx.query<{ id: string }>(
      `insert into orders (user_id, brand_id, type, topic, ratio, count, duration_seconds, period_yyyymm,
         reserved_images, reserved_reels, reserved_woofs)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        spec.userId,
        spec.brandId,
        spec.format,
        spec.topic ?? 'Marketing trends 2025',
        ratio,
        count,
        duration,
        period,
        images,
        reels,
        woofs,
      ],
    );
    const orderId = order.rows[0]!.id;
    await tx.query(
      `insert into order_items (order_id, sequence_number, type, brief_json)
       select $1, n, $2, jsonb_build_object('locale', 'en') from generate_series(0, $3 - 1) n`,
      [orderId, ITEM_TYPE[spec.format], count],
    );
    const job = await tx.query<{ id: string }>(
      `insert into job_queue (user_id, brand_id, order_id, type, kind, payload, priority, max_attempts)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [
        spec.userId,
        spec.brandId,
        orderId,
        JOB_TYPE[spec.format],
        spec.format,
        JSON.stringify({
          orderId,
          slideCount: count,
          topic: spec.topic ?? 'Marketing trends 2025',
          ratio,
          duration,
        }),
        spec.priority ?? 0,
        spec.maxAttempts ?? 3,
      ],
    );
    return { orderId, jobId: job.rows[0]!.id };
  });
}

export async function readCounters(db: Db, brandId: string) {
  const { rows } = await db.query<{
    images_used: number;
    images_reserved: number;
    reels_used: number;
    reels_reserved: number;
    woofs_used: number;
    woofs_reserved: number;
  }>(
    `select images_used, images_reserved, reels_used, reels_reserved, woofs_used, woofs_reserved
     from counters_monthly where brand_id = $1 and period_yyyymm = $2`,
    [brandId, currentPeriod()],
  );
  return rows[0]!;
}

export async function readOrder(db: Db, orderId: string) {
  const { rows } = await db.query<{
    status: string;
    charged_images: number;
    reserved_images: number;
    charged_reels: number;
    charged_woofs: number;
    settled_at: Date | null;
  }>(
    `select status, charged_images, reserved_images, charged_reels, charged_woofs, settled_at from orders where id = $1`,
    [orderId],
  );
  return rows[0]!;
}

export async function readJob(db: Db, jobId: string) {
  const { rows } = await db.query<{
    status: string;
    attempts: number;
    last_error: string | null;
    run_after: Date;
    updated_at: Date;
  }>(`select status, attempts, last_error, run_after, updated_at from job_queue where id = $1`, [jobId]);
  return rows[0]!;
}

/** Polls until `check` returns a value (tests only; the code under test never polls tables). */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A user, their brand and a 2-slide carousel order of theirs, for the event stream tests. */
export async function anOrderOf(t: TestApp): Promise<{ user: TestUser; orderId: string }> {
  const user = await t.createUser();
  const brand = await t.createBrand(user.userId);
  const { orderId } = await createOrder(t.db, {
    userId: user.userId,
    brandId: brand.id as string,
    format: 'carousel',
    count: 2,
  });
  return { user, orderId };
}
