import { describe, expect, it } from 'vitest';
import { JobAbort } from './job-abort.js';

describe('JobAbort', () => {
  it('aborts a signal read before the abort, with its reason', () => {
    const abort = new JobAbort();
    const { signal } = abort;
    let heard: unknown = null;
    signal.addEventListener('abort', () => {
      heard = signal.reason;
    });
    expect(signal.aborted).toBe(false);
    abort.abort('canceled');
    expect(signal.aborted).toBe(true);
    expect(heard).toBe('canceled');
  });

  it('gives a signal read after the abort already aborted, with the first reason', () => {
    const abort = new JobAbort();
    abort.abort('lease-lost');
    abort.abort('shutdown');
    expect(abort.signal.aborted).toBe(true);
    expect(abort.signal.reason).toBe('lease-lost');
    expect(abort.signal).toBe(abort.signal);
  });
});
