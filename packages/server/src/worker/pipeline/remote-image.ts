import { isProviderError } from '../../engines/errors.js';
import type { ImageRequest, ImageResult, ParkableImageEngine } from '../../engines/types.js';
import type { ClaimedJob } from '../../queue/types.js';
import { failIfTimedOut, nextPollMs, type Parked, startAndPark, waitedSince } from './remote-render.js';
import type { ParkTiming } from './types.js';

/** What a job parked on per-item renders keeps in its payload (park-provider-job, resume-provider-job). */
export interface ProviderRendersPayload {
  /** The open render of each item, as last parked, with when it started (database clock). */
  providerRenders?: { item: string; ref: string; startedAt?: string }[];
  /** Final provider states left by verified webhooks, by render id. */
  providerResults?: Record<string, unknown>;
}

/**
 * The image step of a parkable engine (Replicate with a webhook), per item, so a carousel's
 * slides render at the provider while no worker slot waits for them:
 * - no render recorded for this item: start one, and the item parks on it;
 * - a render recorded while a webhook left the result of another of the job's renders: that
 *   webhook woke the job, not this render's end, so it parks again without asking the provider
 *   (a carousel of N slides costs no N² polls);
 * - a render recorded: ask where it is (a webhook's snapshot answers without a request). Done: the
 *   image, for the usual upload and per-item delivery. Still running, or the check failed on a
 *   retryable error: park again, polling later and later; past `timeoutMs` (counted from when
 *   this render started) the render is canceled and this item alone fails.
 *
 * @example
 * const step = await remoteImage(engine, job, item.id, request, deps.park);
 * if ('image' in step) await deliver(step.image); else return step; // parked
 */
export async function remoteImage(
  engine: ParkableImageEngine,
  job: ClaimedJob,
  itemId: string,
  request: ImageRequest,
  timing: ParkTiming,
): Promise<{ image: ImageResult } | Parked> {
  const payload = (job.payload ?? {}) as ProviderRendersPayload;
  const recorded = payload.providerRenders?.find((render) => render.item === itemId);
  const ref = recorded?.ref;
  const cancel = (id: string) => engine.cancelImage(id);
  if (!ref) return startAndPark(await engine.startImage(request), cancel, request.signal, timing, itemId);
  const waited = waitedSince(recorded.startedAt);
  const pollAfterMs = nextPollMs(timing, waited);
  const results = payload.providerResults ?? {};
  const wokenByWebhook = payload.providerRenders?.some((render) => render.ref in results) ?? false;
  // Parked again until the next poll or this slide's webhook.
  const parkedAgain = {
    kind: 'parked' as const,
    provider: job.provider ?? 'unknown',
    ref,
    item: itemId,
    startedAt: recorded.startedAt,
    pollAfterMs,
  };
  if (wokenByWebhook && !(ref in results)) return parkedAgain;
  try {
    const state = await engine.checkImage(ref, request, results[ref]);
    if (state.status === 'done') return { image: state.result };
  } catch (error) {
    // A poll that fails on a passing fault (429, network) is asked again at the next poll; a
    // failed or canceled prediction is this item's permanent failure.
    if (request.signal?.aborted || !isProviderError(error) || !error.retryable) {
      throw error;
    }
  }
  await failIfTimedOut(job, ref, waited, timing, cancel);
  // No `abandon`: the render is recorded on the job already (see remote-video.ts).
  return parkedAgain;
}
