import type { Engines } from '../engines/index.js';
import { isParkableImageEngine, isParkableVideoEngine } from '../engines/types.js';

/** A job row as the cancel sweep and the stuck-job recovery return it. */
export interface RenderJobRow {
  type: string;
  provider: string | null;
  provider_ref: string | null;
  /** payload->'providerRenders': one render per item (remote images), or null. */
  renders: { ref?: unknown }[] | null;
}

/** Cancels one render at its provider; false when no configured engine owns it (left alone). */
export type RenderCanceler = (job: RenderJobRow, ref: string) => Promise<boolean>;

/** Every render a job may still have running at its provider: per-item ones, and provider_ref. */
export function renderRefsOf(job: RenderJobRow): string[] {
  const refs = new Set<string>();
  if (job.provider_ref) refs.add(job.provider_ref);
  for (const render of Array.isArray(job.renders) ? job.renders : []) {
    if (typeof render?.ref === 'string') refs.add(render.ref);
  }
  return [...refs];
}

/**
 * Cancels a render with the engine that started it: the video engine for `generate_video` jobs,
 * the image engine otherwise. Undefined when neither engine parks (nothing to cancel). A render of
 * another provider than the configured engine's (the configuration changed) is left alone.
 *
 * @example
 * const cancel = renderCanceler(engines); await cancel?.(row, 'p1');
 */
export function renderCanceler(engines: Pick<Engines, 'image' | 'video'>): RenderCanceler | undefined {
  const { image, video } = engines;
  const parkableVideo = isParkableVideoEngine(video) ? video : undefined;
  const parkableImage = isParkableImageEngine(image) ? image : undefined;
  if (!parkableVideo && !parkableImage) return undefined;
  const providerOf = (name: string) => name.split(':')[0];
  return async (job, ref) => {
    if (job.type === 'generate_video') {
      if (!parkableVideo || providerOf(parkableVideo.name) !== job.provider) return false;
      await parkableVideo.cancelVideo(ref);
      return true;
    }
    if (!parkableImage || providerOf(parkableImage.name) !== job.provider) return false;
    await parkableImage.cancelImage(ref);
    return true;
  };
}
