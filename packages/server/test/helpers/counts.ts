import type { Queryable } from '../../src/db/types.js';

const TABLES = ['orders', 'order_items', 'job_queue', 'counters_monthly', 'order_events', 'brands'] as const;

/**
 * Row counts of the tables a request could write, plus the reserved quota: compare before and after a
 * refused request to prove it wrote nothing.
 */
export async function writeCounts(db: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await db.query<{ n: number }>(`select count(*) as n from ${table}`);
    counts[table] = rows[0]!.n;
  }
  const { rows } = await db.query<{ r: number }>(
    'select coalesce(sum(images_reserved + reels_reserved + woofs_reserved), 0)::int as r from counters_monthly',
  );
  counts.reserved = rows[0]!.r;
  return counts;
}
