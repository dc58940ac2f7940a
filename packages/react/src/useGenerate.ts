import type { GenerateOptions, GenerateRequest, GenerateResponse, MutationSnapshot } from '@alfie/core';
import { useMemo } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useObserver } from './useObserver.js';

/** A request that always ends in an order (an offer to reuse is asked with `useReuseMatch`). */
export type OrderRequest = GenerateRequest & { reuse?: 'never' | 'auto' };

export interface UseGenerateResult extends MutationSnapshot<GenerateResponse> {
  /**
   * Orders a visual. Resolves with `{ orderId, jobId }`; on failure the error is in `error` and the
   * promise rejects, so `await` it or ignore it (an ignored rejection is not reported as unhandled).
   */
  generate(request: OrderRequest, options?: GenerateOptions): Promise<GenerateResponse>;
  /** Back to `idle`, forgetting data and error. */
  reset(): void;
}

/**
 * Orders an image, a carousel or a video. The request leaves only when `generate` is called, never
 * from an effect, so React StrictMode cannot send it twice; each call carries its own idempotency key.
 *
 * @example
 * const { generate, status, data, error } = useGenerate();
 * <button disabled={status === 'submitting'} onClick={() => generate({ format: 'carousel', count: 5, topic, brandId })}>
 * {error?.code === 'QUOTA_EXCEEDED' && <p>Quota reached until {error.resetsAt}</p>}
 * {data && <OrderProgress orderId={data.orderId} />}
 */
export function useGenerate(): UseGenerateResult {
  const client = useAlfieClient();
  const mutation = useMemo(() => {
    const observer = client.mutation((request: OrderRequest, options?: GenerateOptions) =>
      client.generate(request, options),
    );
    const generate = (request: OrderRequest, options?: GenerateOptions) => {
      const pending = observer.mutate(request, options);
      pending.catch(() => {}); // the error is in the snapshot; awaiting callers still see the rejection
      return pending;
    };
    return { observer, generate, reset: observer.reset };
  }, [client]);
  const snapshot = useObserver(mutation.observer);
  return useMemo(
    () => ({ ...snapshot, generate: mutation.generate, reset: mutation.reset }),
    [snapshot, mutation],
  );
}
