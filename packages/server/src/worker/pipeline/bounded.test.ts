import { describe, expect, it } from 'vitest';
import { mapBounded } from './bounded.js';

describe('mapBounded', () => {
  it('never runs more than `limit` at once and keeps the input order', async () => {
    let active = 0;
    let peak = 0;
    const results = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, n * 3));
      active--;
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
  });

  it('runs everything at once when the limit allows', async () => {
    let peak = 0;
    let active = 0;
    await mapBounded([1, 2, 3], 10, async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    });
    expect(peak).toBe(3);
  });
});
