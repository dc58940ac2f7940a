import { idleVariantsSnapshot, type VariantCounts, type VariantsSnapshot } from '@alfie/core';
import { useMemo } from 'react';
import { useAlfieClient } from './useAlfieClient.js';
import { useObserver } from './useObserver.js';

export interface UseVariantsResult extends VariantsSnapshot {
  /** Stores the user's pick (0-based); the library then shows it first. */
  choose(variant: number): Promise<void>;
  /** Sends each posted variant's totals so far; `report.verdict` then says which one wins. */
  reportPerformance(counts: VariantCounts[]): Promise<void>;
  refresh(): Promise<void>;
}

const noop = async () => {};
const idle = { subscribe: () => () => {}, getSnapshot: () => idleVariantsSnapshot };

/**
 * An order's A/B variants (`client.variants.observe`): their files side by side, the stored choice,
 * the reported counts and the verdict. Idle while `orderId` is null.
 *
 * @example
 * const { report, choose } = useVariants(orderId);
 * report?.variants.map((v) => <button onClick={() => choose(v.variant)}><img src={v.url ?? ''} alt={v.style} /></button>);
 * <p>{report?.verdict.summary}</p>
 */
export function useVariants(orderId: string | null | undefined): UseVariantsResult {
  const client = useAlfieClient();
  const observer = useMemo(() => (orderId ? client.variants.observe(orderId) : null), [client, orderId]);
  const snapshot = useObserver(observer ?? idle);
  return useMemo(
    () => ({
      ...snapshot,
      choose: (variant: number) => observer?.choose(variant) ?? noop(),
      reportPerformance: (counts: VariantCounts[]) => observer?.report(counts) ?? noop(),
      refresh: () => observer?.refresh() ?? noop(),
    }),
    [snapshot, observer],
  );
}
