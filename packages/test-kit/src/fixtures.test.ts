import { describe, expect, it } from 'vitest';
import { carouselFixture, makeDetail, makeQuota } from './fixtures.js';

describe('fixtures', () => {
  it('a carousel fixture tells the same story in its events and its order details', () => {
    const { events, detail, assets } = carouselFixture('ord_9', 3);
    expect(events.map(({ id }) => id)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    const delivered = events.flatMap(({ event }) => (event.type === 'asset' ? [event.asset] : []));
    expect(delivered).toEqual(assets);
    expect(detail(3)).toMatchObject({ status: 'completed', completedCount: 3, expectedTotal: 3, assets });
    expect(detail(1).items.map((item) => item.status)).toEqual(['completed', 'pending', 'pending']);
    expect(events.at(-1)!.event).toEqual({
      type: 'end',
      orderId: 'ord_9',
      status: 'completed',
      completedCount: 3,
      expectedTotal: 3,
    });
  });

  it('builders count what they describe', () => {
    const detail = makeDetail('o1', { count: 5 });
    expect(detail.items).toHaveLength(5);
    expect(detail.expectedTotal).toBe(5);
    const quota = makeQuota('b1', 40);
    expect(quota.used.images + quota.remaining.images).toBe(quota.limits.images);
  });
});
