import type { Asset, Order, OrderDetail, OrderEvent, OrderItem, Quota } from '@alfie/core/contract';

/**
 * Plausible API objects, every field the contract types require, for the tests that stand in for the
 * server (msw handlers, a fake API). Each builder takes overrides for the fields a test cares about.
 */
const AT = '2026-11-27T06:00:00.000Z';

/** Where tests that stand in for the server (msw) serve the API; fixture URLs point there. */
export const FAKE_API_URL = 'http://alfie.test';

export function makeItem(
  orderId: string,
  index: number,
  status: OrderItem['status'] = 'pending',
  overrides: Partial<OrderItem> = {},
): OrderItem {
  return {
    id: `${orderId}-item-${index}`,
    orderId,
    sequenceNumber: index,
    type: 'carousel_slide',
    status,
    error: null,
    updatedAt: AT,
    ...overrides,
  };
}

export function makeAsset(orderId: string, slideIndex: number, overrides: Partial<Asset> = {}): Asset {
  return {
    id: `${orderId}-asset-${slideIndex}`,
    orderId,
    orderItemId: `${orderId}-item-${slideIndex}`,
    brandId: 'brand-1',
    type: 'carousel_slide',
    url: `${FAKE_API_URL}/files/${orderId}-${slideIndex}.png`,
    thumbnailUrl: null,
    publicId: `${orderId}-${slideIndex}`,
    slideIndex,
    width: 1080,
    height: 1350,
    durationSeconds: null,
    mimeType: 'image/png',
    text: { title: `Slide ${slideIndex + 1}` },
    createdAt: AT,
    ...overrides,
  };
}

export function makeOrder(id: string, overrides: Partial<Order> = {}): Order {
  return {
    id,
    userId: 'user-1',
    brandId: 'brand-1',
    type: 'carousel',
    status: 'processing',
    topic: 'Marketing trends 2025',
    ratio: '4:5',
    count: 3,
    duration: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

/** GET /v1/orders/:id: the order, one pending item per slide, nothing delivered yet. */
export function makeDetail(id: string, overrides: Partial<OrderDetail> = {}): OrderDetail {
  const order = makeOrder(id, overrides);
  return {
    ...order,
    items: Array.from({ length: order.count }, (_, index) => makeItem(id, index)),
    assets: [],
    expectedTotal: order.count,
    completedCount: 0,
    job: null,
    ...overrides,
  };
}

/** A starter-plan quota with `images` left this month. */
export function makeQuota(brandId: string, images: number, overrides: Partial<Quota> = {}): Quota {
  return {
    brandId,
    plan: 'starter',
    period: 202611,
    resetsAt: '2026-12-01T00:00:00.000Z',
    limits: { images: 150, videos: 15, woofs: 15 },
    used: { images: 150 - images, videos: 0, woofs: 0 },
    reserved: { images: 0, videos: 0, woofs: 0 },
    remaining: { images, videos: 15, woofs: 15 },
    bypass: false,
    ...overrides,
  };
}

/** The events a worker sends for one finished slide. */
export function slideDone(orderId: string, index: number): OrderEvent[] {
  return [
    { type: 'item', orderId, item: makeItem(orderId, index, 'completed') },
    { type: 'asset', orderId, asset: makeAsset(orderId, index) },
  ];
}

/** The last event of an order's stream, as the server sends it when the order ends. */
export function endEvent(
  detail: Pick<OrderDetail, 'id' | 'status' | 'completedCount' | 'expectedTotal'>,
): OrderEvent {
  return {
    type: 'end',
    orderId: detail.id,
    status: detail.status as Extract<OrderEvent, { type: 'end' }>['status'],
    completedCount: detail.completedCount,
    expectedTotal: detail.expectedTotal,
  };
}

/**
 * A carousel order as the server would describe it, slide by slide, plus the SSE events that
 * describe the same progress, each with its event id, so a test can serve either view.
 */
export function carouselFixture(orderId = 'ord_1', slides = 4) {
  const second = (n: number) => new Date(Date.parse(AT) + n * 1000).toISOString();
  const items = Array.from({ length: slides }, (_, index) =>
    makeItem(orderId, index, 'pending', { id: `item_${index}` }),
  );
  const assets = items.map((item, index) =>
    makeAsset(orderId, index, { id: `asset_${index}`, orderItemId: item.id, createdAt: second(index) }),
  );

  /** Events in server order: status processing, then per slide item running/completed + asset, then end. */
  const events: Array<{ id: number; event: OrderEvent }> = [];
  const push = (event: OrderEvent) => events.push({ id: events.length + 1, event });
  push({ type: 'status', orderId, status: 'processing' });
  items.forEach((item, index) => {
    const updatedAt = second(index + 1);
    push({ type: 'item', orderId, item: { ...item, status: 'running', updatedAt } });
    push({ type: 'item', orderId, item: { ...item, status: 'completed', updatedAt } });
    push({ type: 'asset', orderId, asset: assets[index]! });
  });
  push({ type: 'status', orderId, status: 'completed' });
  push(endEvent({ id: orderId, status: 'completed', completedCount: slides, expectedTotal: slides }));

  /** The GET /v1/orders/:id answer after the first `delivered` slides. */
  const detail = (
    delivered: number,
    status: OrderDetail['status'] = delivered === slides ? 'completed' : 'processing',
  ): OrderDetail =>
    makeDetail(orderId, {
      status,
      topic: 'Les tendances marketing 2025',
      count: slides,
      items: items.map((item, index) => ({ ...item, status: index < delivered ? 'completed' : 'pending' })),
      assets: assets.slice(0, delivered),
      completedCount: delivered,
    });

  return { orderId, items, assets, events, detail };
}
