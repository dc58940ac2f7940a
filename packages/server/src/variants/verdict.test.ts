import { describe, expect, it } from 'vitest';
import { twoProportionPValue, verdict } from './verdict.js';

describe('A/B verdict', () => {
  it('computes the two-proportion z-test of a worked example', () => {
    // 150/1000 vs 100/1000: pooled 0.125, SE 0.0147902, z 3.3806, p = 0.000723.
    const { z, pValue } = twoProportionPValue(
      { clicks: 150, impressions: 1000 },
      { clicks: 100, impressions: 1000 },
    );
    expect(z).toBeCloseTo(3.3806, 4);
    expect(pValue).toBeCloseTo(0.000723, 5);
  });

  it("holds each of the leader's two comparisons to 0.05 / 2 (Bonferroni)", () => {
    // Leader 2 beats 0 clearly (p ≈ 0.0007) but 1 only at p ≈ 0.0496: below 0.05 alone, not below 0.025.
    const result = verdict(3, [
      { variant: 0, impressions: 1000, clicks: 100 },
      { variant: 1, impressions: 1000, clicks: 120 },
      { variant: 2, impressions: 1000, clicks: 150 },
    ]);
    expect(result.alpha).toBeCloseTo(0.05 / 2, 10);
    expect(result).toMatchObject({ status: 'no_difference', leader: 2 });
    expect(result.pValue).toBeCloseTo(0.0496, 3);
    expect(result.summary).toContain('Variant 3 (minimal) leads');
  });

  it('says too few data while a variant is unreported or below the bounds, and never divides by zero', () => {
    expect(verdict(2, []).status).toBe('too_few_data');
    expect(verdict(2, [{ variant: 0, impressions: 5000, clicks: 400 }])).toMatchObject({
      status: 'too_few_data',
      leader: 0,
    });
    expect(
      verdict(2, [
        { variant: 0, impressions: 1000, clicks: 3 },
        { variant: 1, impressions: 1000, clicks: 40 },
      ]).status,
    ).toBe('too_few_data');
    expect(twoProportionPValue({ clicks: 0, impressions: 100 }, { clicks: 0, impressions: 100 }).pValue).toBe(
      1,
    );
  });
});
