import type { Asset, OrderDetail, OrderEvent, OrderItem } from '../../src/contract/types.js';

const NOW = '2026-11-27T06:00:00.000Z';

/**
 * A carousel order as the server would describe it, slide by slide, plus the SSE events that
 * describe the same progress, each with its event id, so tests can serve either view.
 */
export function carouselFixture(orderId = 'ord_1', slides = 4) {
  const items: OrderItem[] = Array.from({ length: slides }, (_, index) => ({
    id: `item_${index}`,
    orderId,
    sequenceNumber: index,
    type: 'carousel_slide',
    status: 'pending',
    error: null,
    updatedAt: NOW,
  }));
  const assets: Asset[] = items.map((item, index) => ({
    id: `asset_${index}`,
    orderId,
    orderItemId: item.id,
    brandId: 'brand_1',
    type: 'carousel_slide',
    url: `http://alfie.test/files/${orderId}-${index}.png`,
    thumbnailUrl: null,
    publicId: `${orderId}-${index}`,
    slideIndex: index,
    width: 1080,
    height: 1350,
    durationSeconds: null,
    mimeType: 'image/png',
    text: { title: `Slide ${index + 1}` },
    createdAt: new Date(Date.parse(NOW) + index * 1000).toISOString(),
  }));

  /** Events in server order: status processing, then per slide item running/completed + asset, then end. */
  const events: Array<{ id: number; event: OrderEvent }> = [];
  const push = (event: OrderEvent) => events.push({ id: events.length + 1, event });
  push({ type: 'status', orderId, status: 'processing' });
  items.forEach((item, index) => {
    const at = new Date(Date.parse(NOW) + (index + 1) * 1000).toISOString();
    push({ type: 'item', orderId, item: { ...item, status: 'running', updatedAt: at } });
    push({ type: 'item', orderId, item: { ...item, status: 'completed', updatedAt: at } });
    push({ type: 'asset', orderId, asset: assets[index]! });
  });
  push({ type: 'status', orderId, status: 'completed' });
  push({ type: 'end', orderId, status: 'completed', completedCount: slides, expectedTotal: slides });

  /** The GET /v1/orders/:id answer after the first `delivered` slides. */
  const detail = (
    delivered: number,
    status: OrderDetail['status'] = delivered === slides ? 'completed' : 'processing',
  ): OrderDetail => ({
    id: orderId,
    userId: 'user_1',
    brandId: 'brand_1',
    type: 'carousel',
    status,
    topic: 'Les tendances marketing 2025',
    ratio: '4:5',
    count: slides,
    duration: null,
    createdAt: NOW,
    updatedAt: NOW,
    items: items.map((item, index) => ({ ...item, status: index < delivered ? 'completed' : 'pending' })),
    assets: assets.slice(0, delivered),
    expectedTotal: slides,
    completedCount: delivered,
    job: null,
  });

  return { orderId, items, assets, events, detail };
}
