import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.js';

describe('backoffMs', () => {
  it('is 2^attempts × base (2, 4, 8 minutes with a 60 s base)', () => {
    expect([1, 2, 3].map((attempts) => backoffMs(attempts, 60_000))).toEqual([120_000, 240_000, 480_000]);
  });
  it("honours a provider's longer Retry-After", () => {
    expect(backoffMs(1, 1_000, 30_000)).toBe(30_000);
    expect(backoffMs(3, 1_000, 500)).toBe(8_000);
  });
});
