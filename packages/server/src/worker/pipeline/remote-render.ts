import { ProviderError } from '../../engines/errors.js';
import { abortError } from '../../engines/latency.js';
import type { ClaimedJob } from '../../queue/types.js';
import type { ItemResult, ParkTiming } from './types.js';

export type Parked = Extract<ItemResult, { kind: 'parked' }>;

/**
 * Starts a remote render and parks on it. A cancel or shutdown that arrived while the start was in
 * flight cancels the render at once; otherwise `abandon` lets the worker cancel it if parking fails.
 */
export async function startAndPark(
  render: { provider: string; ref: string },
  cancel: (ref: string) => Promise<unknown>,
  signal: AbortSignal | undefined,
  timing: ParkTiming,
  item?: string,
): Promise<Parked> {
  const abandon = async () => {
    await cancel(render.ref);
  };
  if (signal?.aborted) {
    await abandon().catch(() => {});
    throw abortError(signal);
  }
  return {
    kind: 'parked',
    provider: render.provider,
    ref: render.ref,
    ...(item !== undefined && { item }),
    pollAfterMs: timing.pollMs,
    abandon,
  };
}

/** Milliseconds since a render started (database clock), 0 when unknown. */
export function waitedSince(startedAt: string | undefined): number {
  const started = Date.parse(startedAt ?? '');
  return Number.isFinite(started) ? Math.max(0, Date.now() - started) : 0;
}

/** Polls later and later: half the time waited so far, between `pollMs` and `pollMaxMs`. */
export const nextPollMs = (timing: ParkTiming, waited: number) =>
  Math.min(timing.pollMaxMs, Math.max(timing.pollMs, waited / 2));

/** Past `timeoutMs` the render is canceled at the provider and its item fails with TIMEOUT. */
export async function failIfTimedOut(
  job: ClaimedJob,
  ref: string,
  waited: number,
  timing: ParkTiming,
  cancel: (ref: string) => Promise<unknown>,
): Promise<void> {
  if (waited <= timing.timeoutMs) return;
  await cancel(ref).catch(() => {});
  throw new ProviderError(
    `${job.provider ?? 'provider'} render ${ref} did not finish in ${timing.timeoutMs} ms`,
    {
      retryable: false,
      reason: 'TIMEOUT',
    },
  );
}
