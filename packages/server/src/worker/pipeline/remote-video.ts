import type { ParkableVideoEngine, VideoRequest, VideoResult } from '../../engines/types.js';
import type { ClaimedJob } from '../../queue/types.js';
import { failIfTimedOut, nextPollMs, type Parked, startAndPark, waitedSince } from './remote-render.js';
import type { ParkTiming } from './types.js';

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
  const cancel = (id: string) => engine.cancelVideo(id);
  if (!ref) return startAndPark(await engine.startVideo(request), cancel, request.signal, timing);
  const payload = (job.payload ?? {}) as ProviderPayload;
  const state = await engine.checkVideo(
    ref,
    request,
    payload.providerResults?.[ref] ?? payload.providerResult,
  );
  if (state.status === 'done') return { video: state.result };
  const waited = waitedSince(payload.providerStartedAt);
  await failIfTimedOut(job, ref, waited, timing, cancel);
  request.onProgress?.(state.progress ?? Math.min(0.95, waited / timing.timeoutMs));
  const pollAfterMs = nextPollMs(timing, waited);
  // No `abandon` here: the render is already recorded on the job, so a canceled order's render is
  // canceled by the worker's sweep (canceled-renders.ts), and a lease lost to another worker must
  // not cancel the render that worker now checks.
  return { kind: 'parked', provider: job.provider ?? 'unknown', ref, pollAfterMs };
}
