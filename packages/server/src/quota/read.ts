import type { Quota } from '@alfie/core/contract';
import type { Queryable } from '../db/types.js';
import { READ_QUOTA } from '../sql/quota/read-quota.js';
import { periodResetsAt } from './period.js';

/**
 * A brand's quota for a period (GET /v1/quotas and a QUOTA_EXCEEDED's details). The caller has
 * already checked that the brand is theirs. Returns null for an unknown brand.
 */
export async function readQuota(
  db: Queryable,
  brandId: string,
  period: number,
  bypass: boolean,
): Promise<Quota | null> {
  const { rows } = await db.query<Record<string, number | string>>(READ_QUOTA, [brandId, period]);
  const row = rows[0];
  if (!row) return null;
  const n = (key: string) => Number(row[key]);
  const limits = { images: n('quota_images'), videos: n('quota_videos'), woofs: n('quota_woofs') };
  const used = { images: n('images_used'), videos: n('reels_used'), woofs: n('woofs_used') };
  const reserved = { images: n('images_reserved'), videos: n('reels_reserved'), woofs: n('woofs_reserved') };
  const left = (key: 'images' | 'videos' | 'woofs') => Math.max(0, limits[key] - used[key] - reserved[key]);
  return {
    brandId,
    plan: String(row.plan),
    period,
    resetsAt: periodResetsAt(period),
    limits,
    used,
    reserved,
    remaining: { images: left('images'), videos: left('videos'), woofs: left('woofs') },
    bypass,
  };
}
