import { ProviderError } from '../../engines/errors.js';
import { abortError } from '../../engines/latency.js';
import type { ParkableVideoEngine, VideoRequest, VideoResult } from '../../engines/types.js';
import type { ClaimedJob } from '../../queue/types.js';
import type { ItemResult, ParkTiming } from './types.js';

type Parked = Extract<ItemResult, { kind: 'parked' }>;

interface ProviderPayload {
  /** Final provider states left by verified webhooks, by render id (resume-provider-job). */
  providerResults?: Record<string, unknown>;
  /** The same, as webhooks before per-item renders left it. */
  providerResult?: unknown;
  /** When the job was first parked on this render (park-provider-job), on the database clock. */
  providerStartedAt?: string;
}

/**
 * The video step of a parkable engine (Replicate, Veo), so that a render of minutes never holds a
 * worker slot:
 * - no render yet: start one and park the job on it;
 * - parked before: ask where the render is (the webhook's snapshot answers without a request).
 *   Still running: park again, polling later and later (half the time waited so far, between
 *   `pollMs` and `pollMaxMs`); past `timeoutMs` it is canceled and the item fails. Done: the
 *   video, for the usual upload and delivery.
 *
 * @example
 * const step = await remoteVideo(engine, job, request, { pollMs: 5_000, pollMaxMs: 60_000, timeoutMs: 1_800_000 });
 * if ('video' in step) await deliver(step.video); else return step; // parked
 */
export async function remoteVideo(
  engine: ParkableVideoEngine,
  job: ClaimedJob,
  request: VideoRequest,
  timing: ParkTiming,
): Promise<{ video: VideoResult } | Parked> {
  const ref = job.provider_ref;
  if (!ref) {
    const render = await engine.startVideo(request);
    const abandon = () => engine.cancelVideo(render.ref);
    if (request.signal?.aborted) {
      await abandon().catch(() => {});
      throw abortError(request.signal);
    }
    return {
      kind: 'parked',
      provider: render.provider,
      ref: render.ref,
      pollAfterMs: timing.pollMs,
      abandon,
    };
  }
  const payload = (job.payload ?? {}) as ProviderPayload;
  const state = await engine.checkVideo(
    ref,
    request,
    payload.providerResults?.[ref] ?? payload.providerResult,
  );
  if (state.status === 'done') return { video: state.result };
  const startedAt = Date.parse(payload.providerStartedAt ?? '');
  const waited = Number.isFinite(startedAt) ? Math.max(0, Date.now() - startedAt) : 0;
  if (waited > timing.timeoutMs) {
    await engine.cancelVideo(ref).catch(() => {});
    throw new ProviderError(
      `${job.provider ?? 'provider'} render ${ref} did not finish in ${timing.timeoutMs} ms`,
      {
        retryable: false,
        reason: 'TIMEOUT',
      },
    );
  }
  request.onProgress?.(state.progress ?? Math.min(0.95, waited / timing.timeoutMs));
  const pollAfterMs = Math.min(timing.pollMaxMs, Math.max(timing.pollMs, waited / 2));
  // No `abandon` here: the render is already recorded on the job, so a canceled order's render is
  // canceled by the worker's sweep (canceled-renders.ts), and a lease lost to another worker must
  // not cancel the render that worker now checks.
  return { kind: 'parked', provider: job.provider ?? 'unknown', ref, pollAfterMs };
}
