import { VARIANT_STYLES, type VariantCounts, type VariantVerdict } from '@alfie/core/contract';

/** Below these, the normal approximation behind the z-test does not hold: the verdict says so. */
export const MIN_IMPRESSIONS = 100;
export const MIN_SUCCESSES = 5;
/** Overall false-positive rate of the whole test, split over its comparisons (Bonferroni). */
export const OVERALL_ALPHA = 0.05;

/**
 * erfc(x) for x ≥ 0 by the Chebyshev fit of Numerical Recipes' `erfcc` (fractional error below
 * 1.2e-7 everywhere), enough for p-values read at 0.05 / 3.
 */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

/**
 * Two-sided p-value of a pooled two-proportion z-test: is a's click rate different from b's?
 * 1 when the pooled rate is 0 or 1 (no variance: nothing tells them apart).
 *
 * @example
 * twoProportionPValue({ clicks: 150, impressions: 1000 }, { clicks: 100, impressions: 1000 }); // ≈ 0.00072
 */
export function twoProportionPValue(
  a: Pick<VariantCounts, 'clicks' | 'impressions'>,
  b: Pick<VariantCounts, 'clicks' | 'impressions'>,
): { z: number; pValue: number } {
  const pooled = (a.clicks + b.clicks) / (a.impressions + b.impressions);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.impressions + 1 / b.impressions));
  if (!(se > 0)) return { z: 0, pValue: 1 };
  const z = (a.clicks / a.impressions - b.clicks / b.impressions) / se;
  return { z, pValue: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)) };
}

const pct = (rate: number) => `${(rate * 100).toFixed(1)} %`;
const label = (index: number) => `Variant ${index + 1} (${VARIANT_STYLES[index] ?? 'classic'})`;

/**
 * Which variant wins: the leader (highest click rate, lowest index on a tie) against every other
 * variant, each comparison at OVERALL_ALPHA / comparisons. `variantCount` variants exist; the ones
 * with no report count as never shown.
 *
 * @example
 * verdict(2, [{ variant: 0, impressions: 1000, clicks: 100 }, { variant: 1, impressions: 1000, clicks: 150 }]);
 * // { status: 'winner', leader: 1, pValue: 0.00072…, alpha: 0.05, summary: 'Variant 2 (bold) wins: …' }
 */
export function verdict(variantCount: number, reported: readonly VariantCounts[]): VariantVerdict {
  const counts = Array.from(
    { length: variantCount },
    (_, variant) => reported.find((r) => r.variant === variant) ?? { variant, impressions: 0, clicks: 0 },
  );
  const comparisons = Math.max(1, variantCount - 1);
  const alpha = OVERALL_ALPHA / comparisons;
  const shown = counts.filter((c) => c.impressions > 0);
  const rate = (c: VariantCounts) => c.clicks / c.impressions;
  const leader = shown.reduce<VariantCounts | null>(
    (best, c) => (!best || rate(c) > rate(best) ? c : best),
    null,
  );
  const tooFew = counts.some(
    (c) =>
      c.impressions < MIN_IMPRESSIONS || c.clicks < MIN_SUCCESSES || c.impressions - c.clicks < MIN_SUCCESSES,
  );
  if (!leader || tooFew) {
    return {
      status: 'too_few_data',
      leader: leader?.variant ?? null,
      pValue: null,
      alpha,
      summary: `Too few data to tell: every variant needs at least ${MIN_IMPRESSIONS} impressions, ${MIN_SUCCESSES} clicks and ${MIN_SUCCESSES} non-clicks.`,
    };
  }
  const others = counts.filter((c) => c.variant !== leader.variant);
  const pValue = Math.max(...others.map((c) => twoProportionPValue(leader, c).pValue));
  const runnerUp = others.reduce((best, c) => (rate(c) > rate(best) ? c : best));
  const p = pValue < 0.0001 ? '< 0.0001' : `= ${pValue.toFixed(4)}`;
  if (pValue < alpha) {
    return {
      status: 'winner',
      leader: leader.variant,
      pValue,
      alpha,
      summary: `${label(leader.variant)} wins: ${pct(rate(leader))} vs ${pct(rate(runnerUp))}, p ${p}.`,
    };
  }
  return {
    status: 'no_difference',
    leader: leader.variant,
    pValue,
    alpha,
    summary: `No significant difference yet: ${label(leader.variant)} leads with ${pct(rate(leader))} vs ${pct(rate(runnerUp))}, p ${p} (needs < ${alpha.toFixed(4)}).`,
  };
}
