import { ProviderError } from './errors.js';

/**
 * Waits `ms` milliseconds, or rejects as soon as `signal` aborts. The local engines use it to
 * simulate a remote engine's latency (LOCAL_ENGINE_LATENCY_MS) for the pipeline bench, and a
 * cancelled order must not wait for the simulated render to end.
 */
export function simulatedLatency(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error every engine throws when its signal aborts: not retryable, the order was cancelled. */
export function abortError(signal: AbortSignal): ProviderError {
  return new ProviderError('Generation aborted', {
    retryable: false,
    reason: 'ABORTED',
    cause: signal.reason,
  });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}
