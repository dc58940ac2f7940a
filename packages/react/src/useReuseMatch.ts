import type { GenerateRequest, ReuseMatch } from '@alfie/core';
import { useEffect, useMemo, useState } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useObserver } from './useObserver.js';

export interface UseReuseMatchResult {
  /** The brand's earlier visual this request would reuse, null when there is none (or not asked yet). */
  match: ReuseMatch | null;
  status: 'idle' | 'submitting' | 'success' | 'error';
  /** Orders a free copy of the match (completed at once); resolves with the new order's id. */
  reuse(): Promise<string | null>;
}

/**
 * Looks for an earlier visual the request would reuse (`client.reuse.match`), for a proposal that
 * says « Vous avez déjà un visuel proche (3 déc.) » with "reuse for free" and "make a new one"
 * (`useGenerate` with the same request). Asks again when the request changes; null asks nothing.
 *
 * @example
 * const { match, reuse } = useReuseMatch(request);
 * {match && <button onClick={() => reuse()}>Réutiliser gratuitement</button>}
 */
export function useReuseMatch(request: GenerateRequest | null): UseReuseMatchResult {
  const client = useAlfieClient();
  const key = request ? JSON.stringify(request) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request is compared by value (key)
  const lookup = useMemo(
    () => client.mutation((asked: GenerateRequest) => client.reuse.match(asked)),
    [client, key],
  );
  const snapshot = useObserver(lookup);
  const [asked, setAsked] = useState<GenerateRequest | null>(null);
  useEffect(() => {
    if (!key) return;
    const parsed = JSON.parse(key) as GenerateRequest;
    setAsked(parsed);
    lookup.mutate(parsed).catch(() => {});
  }, [key, lookup]);
  const match = snapshot.data?.match ?? null;
  return useMemo(
    () => ({
      match,
      status: snapshot.status,
      async reuse() {
        if (!match || !asked) return null;
        const created = await client.generate({ ...asked, reuse: 'never', reuseOf: match.orderId });
        return created.orderId;
      },
    }),
    [match, snapshot.status, asked, client],
  );
}
