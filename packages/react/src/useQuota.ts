import { idleQuotaObserver, type QuotaCounts, type QuotaSnapshot } from '@alfie/core';
import { useMemo } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useObserver } from './useObserver.js';

export interface UseQuotaResult extends QuotaSnapshot {
  /** Shortcuts into `quota`; null until it is loaded. */
  remaining: QuotaCounts | null;
  limits: QuotaCounts | null;
  resetsAt: string | null;
  refresh(): Promise<void>;
}

/**
 * A brand's monthly quota (`client.quotas.observe`). It loads on mount and refreshes by itself after
 * a generate, a cancel, and whenever one of the caller's orders ends (over one shared event stream).
 *
 * @example
 * const { remaining, limits, resetsAt } = useQuota(brandId);
 * <meter value={remaining?.images ?? 0} max={limits?.images ?? 0} />
 */
export function useQuota(brandId: string | null | undefined): UseQuotaResult {
  const client = useAlfieClient();
  const observer = useMemo(
    () => (brandId ? client.quotas.observe(brandId) : idleQuotaObserver),
    [client, brandId],
  );
  const snapshot = useObserver(observer);
  return useMemo(
    () => ({
      ...snapshot,
      remaining: snapshot.quota?.remaining ?? null,
      limits: snapshot.quota?.limits ?? null,
      resetsAt: snapshot.quota?.resetsAt ?? null,
      refresh: observer.refresh,
    }),
    [snapshot, observer],
  );
}
