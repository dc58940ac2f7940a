import type { GenerateResponse, QuotaExceededDetails } from '@alfie/core/contract';
import { isAdmin } from '../../auth/admin.js';
import type { UserPrincipal } from '../../auth/principal.js';
import type { Tx } from '../../db/types.js';
import type { AppDeps } from '../../deps.js';
import { type QuotaCost, toQuotaCounts } from '../../quota/cost.js';
import { readQuota } from '../../quota/read.js';
import { reserveQuota } from '../../quota/reserve.js';
import { FIND_OWNED_BRAND } from '../../sql/brands/find-owned-brand.js';
import { INSERT_JOB } from '../../sql/jobs/insert-job.js';
import { INSERT_ORDER } from '../../sql/orders/insert-order.js';
import { INSERT_ORDER_ITEMS } from '../../sql/orders/insert-order-items.js';
import { WOOFS_COST } from '../../sql/quota/woofs-cost.js';
import { ApiError, notFound } from '../errors.js';
import { itemBriefs, jobFor, type NormalizedGenerate } from './generate-plan.js';

/** Another request with the same Idempotency-Key committed first. */
export class IdempotencyRace extends Error {}

export interface CreateOrderInput {
  user: UserPrincipal;
  request: NormalizedGenerate;
  idempotencyKey: string | null;
  requestHash: string;
  period: number;
  /** X-Request-Id of the creating request: kept in the job payload so worker logs carry it. */
  requestId?: string;
}

/**
 * Everything `POST /v1/generate` writes, inside the caller's transaction: quota reservation (unless
 * the admin bypass applies), the order, one item per image/slide/video, and one job.
 * Throws NOT_FOUND for a brand the caller cannot use and QUOTA_EXCEEDED when the plan is spent.
 */
export async function createOrder(tx: Tx, deps: AppDeps, input: CreateOrderInput): Promise<GenerateResponse> {
  const { user, request, period } = input;
  const { rows: brands } = await tx.query<{ plan_priority: number }>(FIND_OWNED_BRAND, [
    request.brandId,
    user.userId,
    user.brandIds,
  ]);
  const brand = brands[0];
  if (!brand) throw notFound('Brand');

  const cost = await costOf(tx, request);
  const bypass = await isAdmin(tx, deps.config, user);
  if (!bypass && !(await reserveQuota(tx, request.brandId, period, cost))) {
    const quota = await readQuota(tx, request.brandId, period, false);
    const details: QuotaExceededDetails = {
      remaining: quota?.remaining ?? { images: 0, videos: 0, woofs: 0 },
      requested: toQuotaCounts(cost),
      resetsAt: quota?.resetsAt ?? '',
    };
    throw new ApiError(402, 'QUOTA_EXCEEDED', 'The brand has not enough quota left this month', details);
  }
  const reserved = bypass ? { images: 0, reels: 0, woofs: 0 } : cost;

  let orderId: string;
  try {
    const { rows } = await tx.query<{ id: string }>(INSERT_ORDER, [
      user.userId,
      request.brandId,
      request.format,
      request.topic,
      request.ratio,
      request.count,
      request.duration,
      period,
      reserved.images,
      reserved.reels,
      reserved.woofs,
      bypass,
      input.idempotencyKey,
      input.idempotencyKey ? input.requestHash : null,
    ]);
    orderId = rows[0]!.id;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new IdempotencyRace();
    throw error;
  }

  const items = itemBriefs(request);
  await tx.query(INSERT_ORDER_ITEMS, [orderId, items.type, JSON.stringify(items.briefs)]);
  const job = jobFor(request, orderId);
  const { rows: jobs } = await tx.query<{ id: string }>(INSERT_JOB, [
    user.userId,
    request.brandId,
    orderId,
    job.type,
    request.format,
    JSON.stringify({ ...(job.payload as object), requestId: input.requestId }),
    brand.plan_priority,
  ]);
  return { orderId, jobId: jobs[0]!.id };
}

/** A carousel costs `count` images; a video one reel and its Woofs (priced by the SQL function). */
async function costOf(tx: Tx, request: NormalizedGenerate): Promise<QuotaCost> {
  if (request.format !== 'video') return { images: request.count, reels: 0, woofs: 0 };
  const { rows } = await tx.query<{ woofs: number }>(WOOFS_COST, [request.duration]);
  return { images: 0, reels: 1, woofs: Number(rows[0]!.woofs) };
}
