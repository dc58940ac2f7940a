import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClaimAhead } from './claim-ahead.js';

describe('ClaimAhead', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** `jobs` finished one after the other, each taking `ms / jobs`. */
  function pace(ahead: ClaimAhead, jobs: number, ms: number) {
    for (let i = 0; i < jobs; i++) {
      vi.advanceTimersByTime(ms / jobs);
      ahead.finished(ms / jobs);
    }
  }

  it('claims nothing ahead before a pace is known', () => {
    const ahead = new ClaimAhead(500, 50, 10);
    expect(ahead.size()).toBe(0);
    pace(ahead, 7, 1);
    expect(ahead.size()).toBe(0);
  });

  it('holds what its slots finish in the horizon: short jobs get a batch after a few jobs', () => {
    const ahead = new ClaimAhead(500, 50, 2);
    pace(ahead, 8, 4); // half a millisecond each, two slots: 4 jobs a millisecond
    expect(ahead.size()).toBe(200);
  });

  it('measures the time jobs take, not how fast claims fed them', () => {
    const ahead = new ClaimAhead(1_000, 100, 10);
    // Ten 0.1 ms jobs, then the slots wait 50 ms for the next claim: still 100 jobs a millisecond.
    for (let round = 0; round < 3; round++) {
      pace(ahead, 10, 1);
      vi.advanceTimersByTime(50);
    }
    expect(ahead.size()).toBe(1_000);
  });

  it('caps the batch, and claims nothing ahead for jobs that take seconds', () => {
    const fast = new ClaimAhead(500, 50, 10);
    pace(fast, 5_000, 100);
    expect(fast.size()).toBe(500);
    const renders = new ClaimAhead(500, 50, 10);
    pace(renders, 10, 40_000); // 4 s each
    expect(renders.size()).toBe(0);
  });

  it('forgets a pace measured long ago, and can be turned off', () => {
    const ahead = new ClaimAhead(500, 50, 10);
    pace(ahead, 400, 100);
    vi.advanceTimersByTime(5_000);
    expect(ahead.size()).toBe(0);
    const off = new ClaimAhead(0, 50, 10);
    pace(off, 400, 100);
    expect(off.size()).toBe(0);
  });
});
