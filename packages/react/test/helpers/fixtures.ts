import type { Asset, Order, OrderDetail, OrderEvent, OrderItem, Quota } from '@alfie/core';

/** Plausible API objects for msw handlers; every field the contract types require. */
const at = '2026-11-27T06:00:00.000Z';

export function makeItem(orderId: string, index: number, status: OrderItem['status'] = 'pending'): OrderItem {
  return {
    id: `${orderId}-item-${index}`,
    orderId,
    sequenceNumber: index,
    type: 'carousel_slide',
    status,
    error: null,
    updatedAt: at,
  };
}

export function makeAsset(orderId: string, slideIndex: number): Asset {
  return {
    id: `${orderId}-asset-${slideIndex}`,
    orderId,
    orderItemId: `${orderId}-item-${slideIndex}`,
    brandId: 'brand-1',
    type: 'carousel_slide',
    url: `http://alfie.test/files/${orderId}-${slideIndex}.png`,
    thumbnailUrl: null,
    publicId: `${orderId}-${slideIndex}`,
    slideIndex,
    width: 1080,
    height: 1350,
    durationSeconds: null,
    mimeType: 'image/png',
    text: { title: `Slide ${slideIndex + 1}` },
    createdAt: at,
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
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

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

export function makeQuota(brandId: string, images: number): Quota {
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
  };
}

/** The events a worker sends for one finished slide. */
export function slideDone(orderId: string, index: number): OrderEvent[] {
  return [
    { type: 'item', orderId, item: makeItem(orderId, index, 'completed') },
    { type: 'asset', orderId, asset: makeAsset(orderId, index) },
  ];
}
