import { randomUUID } from 'node:crypto';
import type { GenerateResponse, Locale, QuotaExceededDetails } from '@alfie/core/contract';
import type { UserPrincipal } from '../auth/principal.js';
import type { Queryable } from '../db/types.js';
import type { AppDeps } from '../deps.js';
import { ApiError, conflict, notFound } from '../errors.js';
import { costOf, toQuotaCounts } from '../quota/cost.js';
import { readQuota } from '../quota/read.js';
import { RESERVE_QUOTA_AND_CREATE_ORDER } from '../sql/orders/reserve-quota-and-create-order.js';
import { imagesOf } from '../variants/items.js';
import { itemBriefs, jobFor, type NormalizedGenerate } from './plan.js';

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
  /**
   * Language of the texts to write, as the request named it. Kept in every item brief (the worker's
   * planner and engines read `brief_json.locale`) and in the job payload.
   */
  locale?: Locale;
  /**
   * The language when neither the request nor the brand names one (the browser's, else English).
   * The brand's own language is read inside the creating statement, so it costs no round trip.
   */
  fallbackLocale?: Locale;
}

export interface CreatedOrder extends GenerateResponse {
  /** True when an earlier order with the same Idempotency-Key was returned (nothing was written). */
  replayed: boolean;
}

interface CreateOrderRow {
  order_id: string | null;
  job_id: string | null;
  brand_found: boolean;
  existing_order_id: string | null;
  existing_request_hash: string | null;
  existing_job_id: string | null;
}

/**
 * Everything `POST /v1/generate` writes, in one statement and one round trip (see
 * sql/orders/reserve-quota-and-create-order.ts): quota reservation unless the admin bypass
 * applies, the order, one item per image/slide/video, and one job. An earlier order with the same
 * Idempotency-Key and request is returned instead (`replayed`), without charging again.
 *
 * Throws NOT_FOUND for a brand the caller cannot use, QUOTA_EXCEEDED when the plan is spent,
 * CONFLICT for a key reused with another request, and IdempotencyRace when a concurrent request
 * with the same key committed first (the caller then replays it).
 *
 * @example
 * const { orderId, jobId, replayed } = await createOrder(deps.db, deps, { user, request, idempotencyKey: null, requestHash, period: 202611 });
 */
export async function createOrder(
  db: Queryable,
  deps: Pick<AppDeps, 'config'>,
  input: CreateOrderInput,
): Promise<CreatedOrder> {
  const { user, request, period } = input;
  // Woofs are priced again by calculate_woofs_cost inside the statement, from the same duration.
  // Every A/B variant is an image of its own: imagesOf counts them.
  const cost = costOf(request.format, imagesOf(request), request.duration);
  const orderId = randomUUID();
  const jobId = randomUUID();
  const items = itemBriefs(request);
  const job = jobFor(request, orderId);
  const adminByEmail = user.email !== null && deps.config.adminEmails.includes(user.email.toLowerCase());

  let row: CreateOrderRow;
  try {
    const { rows } = await db.query<CreateOrderRow>(
      RESERVE_QUOTA_AND_CREATE_ORDER,
      [
        orderId,
        jobId,
        user.userId,
        user.brandIds,
        request.brandId,
        request.format,
        request.topic,
        request.ratio,
        request.count,
        request.duration,
        period,
        cost.images,
        cost.reels,
        adminByEmail,
        input.idempotencyKey,
        input.idempotencyKey ? input.requestHash : null,
        items.type,
        JSON.stringify(items.briefs),
        job.type,
        JSON.stringify({ ...(job.payload as object), requestId: input.requestId }),
        request.variants,
        input.locale ?? null,
        input.fallbackLocale ?? null,
      ],
      { name: 'reserve_quota_and_create_order' },
    );
    row = rows[0]!;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new IdempotencyRace();
    throw error;
  }

  if (row.existing_order_id) {
    if (row.existing_request_hash !== input.requestHash)
      throw conflict('This Idempotency-Key was used with a different request');
    return { orderId: row.existing_order_id, jobId: row.existing_job_id!, replayed: true };
  }
  if (row.order_id && row.job_id) return { orderId: row.order_id, jobId: row.job_id, replayed: false };
  if (!row.brand_found) throw notFound('Brand');
  throw await quotaExceeded(db, request, period);
}

/** QUOTA_EXCEEDED says what remains and when the period resets (read only on this refusal path). */
async function quotaExceeded(db: Queryable, request: NormalizedGenerate, period: number): Promise<ApiError> {
  const quota = await readQuota(db, request.brandId, period, false);
  const requested = toQuotaCounts(costOf(request.format, imagesOf(request), request.duration));
  const details: QuotaExceededDetails = {
    remaining: quota?.remaining ?? { images: 0, videos: 0, woofs: 0 },
    requested,
    resetsAt: quota?.resetsAt ?? '',
  };
  return new ApiError('QUOTA_EXCEEDED', 'The brand has not enough quota left this month', { details });
}
