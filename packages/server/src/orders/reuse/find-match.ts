import type { ReuseMatch } from '@alfie/core/contract';
import type { UserPrincipal } from '../../auth/principal.js';
import type { Queryable } from '../../db/types.js';
import { FIND_REUSE_MATCH } from '../../sql/reuse/find-reuse-match.js';
import type { NormalizedGenerate } from '../plan.js';

/**
 * Trigram similarity two normalised topics need to match. Measured on French and English topics:
 * "tendances marketing 2025" scores 0.89 against "tendances du marketing 2025" and 0.81 against
 * "les tendances marketing en 2025", but 0.55 against "tendances mode 2025" and 0 against an
 * unrelated topic. Numbers must be equal on top of it (see the SQL).
 */
export const MIN_TOPIC_SIMILARITY = 0.7;

/** Latest orders of the brand (same format and ratio) scored by similarity; older ones match only by signature. */
export const SIMILARITY_WINDOW = 500;

interface MatchRow {
  id: string;
  topic: string;
  type: ReuseMatch['format'];
  ratio: ReuseMatch['ratio'];
  created_at: Date;
  similarity: number;
  preview_url: string | null;
}

/**
 * The caller's earlier order that `request` may reuse (see sql/reuse/find-reuse-match.ts), or null.
 * With `onlyOrderId`, that order or nothing: an offer accepted later is checked again.
 *
 * @example
 * const match = await findReuseMatch(db, user, request);
 * if (match) console.log(`déjà fait le ${match.createdAt}`);
 */
export async function findReuseMatch(
  db: Queryable,
  user: Pick<UserPrincipal, 'userId' | 'brandIds'>,
  request: NormalizedGenerate,
  onlyOrderId: string | null = null,
): Promise<ReuseMatch | null> {
  const { rows } = await db.query<MatchRow>(
    FIND_REUSE_MATCH,
    [
      user.userId,
      user.brandIds,
      request.brandId,
      request.format,
      request.ratio,
      request.count,
      request.duration,
      request.topic,
      MIN_TOPIC_SIMILARITY,
      request.variants,
      onlyOrderId,
      SIMILARITY_WINDOW,
    ],
    { name: 'find_reuse_match' },
  );
  const row = rows[0];
  if (!row) return null;
  return {
    orderId: row.id,
    topic: row.topic,
    format: row.type,
    ratio: row.ratio,
    createdAt: row.created_at.toISOString(),
    similarity: Math.round(Number(row.similarity) * 1000) / 1000,
    previewUrl: row.preview_url,
  };
}
