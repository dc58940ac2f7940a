import { VARIANT_STYLES, type VariantVerdict } from '@alfie/core/contract';
import type { Queryable } from '../db/types.js';
import { REUSE_TOTALS } from '../sql/admin/reuse-totals.js';
import { VARIANT_TESTS } from '../sql/admin/variant-tests.js';
import { verdict } from '../variants/verdict.js';
import { RANGES, type RangeName } from './stats.js';

/** Tests read per dashboard refresh: the newest, enough to show trends without scanning history. */
const TESTS_READ = 500;
const TESTS_LISTED = 20;

export interface AdminReuseAb {
  reuse: { orders: number; reused: number; rate: number | null; rendersSaved: number };
  /** A/B tests still without a winner (too few data or no difference yet), newest first. */
  runningTests: Array<{
    orderId: string;
    brandName: string;
    topic: string;
    variants: number;
    impressions: number[];
    clicks: number[];
    verdict: VariantVerdict;
    createdAt: string;
  }>;
  /** Tests decided in the window, by winning style, across brands. */
  winningStyles: Record<string, number>;
  testsDecided: number;
}

interface TestRow {
  id: string;
  brand_name: string;
  topic: string;
  variant_count: number;
  impressions: number[];
  clicks: number[];
  created_at: Date;
}

/**
 * The `/admin` reuse and A/B cards over `range`: reuse rate and renders saved, running tests, and
 * which variant styles win across brands.
 *
 * @example
 * const { reuse, winningStyles } = await readReuseAb(db, '30d');
 */
export async function readReuseAb(db: Queryable, range: RangeName): Promise<AdminReuseAb> {
  const window = RANGES[range].window;
  const totals = (
    await db.query<{ orders: number; reused: number; renders_saved: number }>(REUSE_TOTALS, [window])
  ).rows[0] ?? { orders: 0, reused: 0, renders_saved: 0 };
  const tests = (await db.query<TestRow>(VARIANT_TESTS, [window, TESTS_READ])).rows.map((row) => {
    const impressions = row.impressions.map(Number);
    const clicks = row.clicks.map(Number);
    const counts = impressions.map((n, variant) => ({
      variant,
      impressions: n,
      clicks: clicks[variant] ?? 0,
    }));
    return { row, impressions, clicks, verdict: verdict(row.variant_count, counts) };
  });
  const winningStyles: Record<string, number> = Object.fromEntries(VARIANT_STYLES.map((s) => [s, 0]));
  let testsDecided = 0;
  for (const test of tests) {
    if (test.verdict.status !== 'winner' || test.verdict.leader === null) continue;
    const style = VARIANT_STYLES[test.verdict.leader] ?? 'classic';
    winningStyles[style] = (winningStyles[style] ?? 0) + 1;
    testsDecided++;
  }
  return {
    reuse: {
      orders: totals.orders,
      reused: totals.reused,
      rate: totals.orders > 0 ? totals.reused / totals.orders : null,
      rendersSaved: totals.renders_saved,
    },
    runningTests: tests
      .filter((t) => t.verdict.status !== 'winner')
      .slice(0, TESTS_LISTED)
      .map((t) => ({
        orderId: t.row.id,
        brandName: t.row.brand_name,
        topic: t.row.topic,
        variants: t.row.variant_count,
        impressions: t.impressions,
        clicks: t.clicks,
        verdict: t.verdict,
        createdAt: t.row.created_at.toISOString(),
      })),
    winningStyles,
    testsDecided,
  };
}
