import { describe, expect, it } from 'vitest';
import { applyEdit, requestFromDraft } from './draft.js';

const carousel = { format: 'carousel', count: 5, ratio: '4:5', duration: null, topic: 'le thé' } as const;

describe('applyEdit', () => {
  it('clamps a count and says so, keeping every other field', () => {
    expect(applyEdit(carousel, { count: 40 })).toEqual({
      draft: { ...carousel, count: 10 },
      warnings: ['count_clamped'],
    });
  });

  it('turns a carousel into a video: one clip, default length and ratio, topic kept', () => {
    expect(applyEdit(carousel, { format: 'video' })).toEqual({
      draft: { format: 'video', count: 1, ratio: '9:16', duration: 8, topic: 'le thé' },
      warnings: [],
    });
    expect(applyEdit(carousel, { format: 'video', duration: 120 }).warnings).toEqual(['duration_clamped']);
  });

  it('gives an image turned carousel the carousel default count, and keeps an explicit ratio', () => {
    const image = { ...carousel, format: 'image', count: 1, ratio: '1:1' } as const;
    expect(applyEdit(image, { format: 'carousel' }).draft).toMatchObject({ count: 5, ratio: '4:5' });
    expect(applyEdit(image, { format: 'carousel', ratio: '1:1' }).draft.ratio).toBe('1:1');
    // "en paysage", then "30 secondes": the ratio the user chose survives the change to a video.
    const landscape = { ...image, ratio: '16:9' } as const;
    expect(applyEdit(landscape, { format: 'video', duration: 30 }).draft.ratio).toBe('16:9');
  });

  it('sends the locale with the request, and no count for a video', () => {
    expect(requestFromDraft(carousel, 'b1', 'fr')).toEqual({
      brandId: 'b1',
      format: 'carousel',
      topic: 'le thé',
      ratio: '4:5',
      count: 5,
      locale: 'fr',
    });
    const video = applyEdit(carousel, { format: 'video' }).draft;
    expect(requestFromDraft(video, 'b1')).toEqual({
      brandId: 'b1',
      format: 'video',
      topic: 'le thé',
      ratio: '9:16',
      duration: 8,
    });
  });
});
