import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClaimAhead } from './claim-ahead.js';

describe('ClaimAhead', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** `jobs` finished evenly over `ms`. */
  function pace(ahead: ClaimAhead, jobs: number, ms: number) {
    for (let i = 0; i < jobs; i++) {
      vi.advanceTimersByTime(ms / jobs);
      ahead.finished();
    }
  }

  it('claims nothing ahead before a pace is known', () => {
    expect(new ClaimAhead(500, 50).size()).toBe(0);
  });

  it('holds what the worker finishes in the horizon at its pace: short jobs get a batch', () => {
    const ahead = new ClaimAhead(500, 50);
    pace(ahead, 400, 100); // 4 jobs a millisecond
    expect(ahead.size()).toBe(200);
  });

  it('caps the batch, and claims nothing ahead for jobs that take seconds', () => {
    const fast = new ClaimAhead(500, 50);
    pace(fast, 5_000, 100);
    expect(fast.size()).toBe(500);
    const renders = new ClaimAhead(500, 50);
    pace(renders, 10, 4_000); // ten slots, 2.5 jobs a second
    expect(renders.size()).toBe(0);
  });

  it('forgets a pace measured long ago, and can be turned off', () => {
    const ahead = new ClaimAhead(500, 50);
    pace(ahead, 400, 100);
    vi.advanceTimersByTime(5_000);
    expect(ahead.size()).toBe(0);
    const off = new ClaimAhead(0, 50);
    pace(off, 400, 100);
    expect(off.size()).toBe(0);
  });
});
