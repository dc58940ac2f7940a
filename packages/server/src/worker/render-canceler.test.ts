import { describe, expect, it } from 'vitest';
import { createLocalImageEngine } from '../engines/local/image-engine.js';
import type { ParkableImageEngine, ParkableVideoEngine } from '../engines/types.js';
import { renderCanceler, renderRefsOf } from './render-canceler.js';

/** Engines that only record which render they were asked to cancel (the provider is the edge). */
function recording(canceled: string[]) {
  const image = {
    name: 'replicate:black-forest-labs/flux-schnell',
    generateImage: () => Promise.reject(new Error('not rendered here')),
    startImage: () => Promise.reject(new Error('not rendered here')),
    checkImage: () => Promise.reject(new Error('not rendered here')),
    cancelImage: async (ref: string) => void canceled.push(`image:${ref}`),
  } satisfies ParkableImageEngine;
  const video = {
    name: 'veo:veo-3.0-fast-generate-001',
    generateVideo: () => Promise.reject(new Error('not rendered here')),
    startVideo: () => Promise.reject(new Error('not rendered here')),
    checkVideo: () => Promise.reject(new Error('not rendered here')),
    cancelVideo: async (ref: string) => void canceled.push(`video:${ref}`),
  } satisfies ParkableVideoEngine;
  return { image, video };
}

describe('renderCanceler', () => {
  it('lists every render of a job once: provider_ref and the per-item ones', () => {
    expect(
      renderRefsOf({
        type: 'render_carousels',
        provider: 'replicate',
        provider_ref: 'p1',
        renders: [{ ref: 'p1' }, { ref: 'p2' }, { ref: 7 }, { ref: 'p3' }],
      }),
    ).toEqual(['p1', 'p2', 'p3']);
    expect(
      renderRefsOf({ type: 'generate_video', provider: 'veo', provider_ref: 'op', renders: null }),
    ).toEqual(['op']);
  });

  it('cancels with the engine that started the render, and leaves other providers alone', async () => {
    const canceled: string[] = [];
    const cancel = renderCanceler(recording(canceled))!;
    const carousel = { type: 'render_carousels', provider: 'replicate', provider_ref: 'p1', renders: null };
    expect(await cancel(carousel, 'p1')).toBe(true);
    expect(await cancel({ ...carousel, type: 'generate_video', provider: 'veo' }, 'op')).toBe(true);
    expect(await cancel({ ...carousel, provider: 'other' }, 'x')).toBe(false);
    expect(await cancel({ ...carousel, type: 'generate_video', provider: 'replicate' }, 'y')).toBe(false);
    expect(canceled).toEqual(['image:p1', 'video:op']);
  });

  it('is undefined when no engine parks', () => {
    const local = createLocalImageEngine();
    expect(
      renderCanceler({ image: local, video: { name: 'local', generateVideo: () => Promise.reject() } }),
    ).toBe(undefined);
  });
});
