import type {
  Asset,
  GenerateRequest,
  LibraryEntry,
  OrderDetail,
  OrderStatus,
  Quota,
} from '@alfie/core/contract';
import { EventStreams } from '@alfie/test-kit/event-stream';
import { endEvent, FAKE_API_URL, makeAsset, makeDetail, makeQuota } from '@alfie/test-kit/fixtures';
import { HttpResponse, http } from 'msw';

export const API = FAKE_API_URL;
export const BRAND = '11111111-1111-4111-8111-111111111111';

export function quotaWith(images: number, resetsAt = '2026-12-01T00:00:00.000Z'): Quota {
  return makeQuota(BRAND, images, { resetsAt });
}

const TERMINAL: readonly OrderStatus[] = ['completed', 'partial', 'failed', 'canceled'];

/**
 * The Alfie API as msw handlers, driven by the test: it accepts orders, then the test delivers
 * slides and ends orders, which go out on the SSE streams like the real server sends them.
 */
export function createFakeApi() {
  const streams = new EventStreams();
  const orders = new Map<string, { detail: OrderDetail }>();
  const state = {
    quota: quotaWith(37),
    generateCalls: [] as GenerateRequest[],
    /** Next POST /v1/generate answers this error instead of accepting. */
    generateError: null as null | { status: number; code: string; message: string; details?: unknown },
    library: [] as LibraryEntry[],
    /** Event streams the widget holds open. */
    get openStreams() {
      return streams.count();
    },
    unauthorized: false,
    /** The network drops requests: event streams or every generate. */
    streamsDown: false,
    generateDown: false,
    /** Download routes called, as `GET <path> <authorization>`. */
    downloads: [] as string[],
    /** Authorization header of the last quota request. */
    lastAuthorization: null as string | null,
  };

  const auth = () =>
    state.unauthorized
      ? HttpResponse.json({ error: { code: 'UNAUTHORIZED', message: 'Token expired' } }, { status: 401 })
      : null;

  const handlers = [
    http.get(`${API}/v1/quotas/:brandId`, ({ request }) => {
      state.lastAuthorization = request.headers.get('authorization');
      return auth() ?? HttpResponse.json(state.quota);
    }),
    http.get(
      `${API}/v1/library`,
      () => auth() ?? HttpResponse.json({ data: state.library, nextCursor: null }),
    ),
    http.get(`${API}/v1/brands`, () =>
      HttpResponse.json({ data: [{ id: BRAND, name: 'Vélo & Co' }], nextCursor: null }),
    ),
    // The brand has no earlier visual here: the reuse offer is tested against the real server.
    http.post(`${API}/v1/reuse/match`, () => auth() ?? HttpResponse.json({ match: null })),
    http.post(`${API}/v1/generate`, async ({ request }) => {
      if (state.generateDown) return HttpResponse.error();
      const denied = auth();
      if (denied) return denied;
      const body = (await request.json()) as GenerateRequest;
      state.generateCalls.push(body);
      if (state.generateError) {
        const { status, ...error } = state.generateError;
        state.generateError = null;
        return HttpResponse.json({ error }, { status });
      }
      const orderId = `order-${state.generateCalls.length}`;
      const now = new Date().toISOString();
      const count = body.format === 'video' ? 1 : (body.count ?? 1);
      orders.set(orderId, {
        detail: makeDetail(orderId, {
          brandId: body.brandId,
          type: body.format,
          topic: body.topic,
          ratio: body.ratio ?? '1:1',
          count,
          duration: body.duration ?? null,
          createdAt: now,
          updatedAt: now,
          items: [],
        }),
      });
      return HttpResponse.json({ orderId, jobId: `job-${orderId}` }, { status: 202 });
    }),
    http.get(`${API}/v1/orders/:id/events`, ({ params, request }) => {
      if (state.streamsDown) return HttpResponse.error();
      const order = orders.get(String(params.id));
      if (!order)
        return HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'No order' } }, { status: 404 });
      const response = streams.respond(request);
      // Like the real server: a stream opened on an ended order answers `end` and closes.
      if (TERMINAL.includes(order.detail.status)) {
        streams.push(endEvent(order.detail));
        streams.closeOrder(order.detail.id);
      }
      return response;
    }),
    // The download routes answer a tiny file named as the real server names them.
    http.get(`${API}/v1/orders/:id/*`, ({ request }) => {
      const path = new URL(request.url).pathname;
      state.downloads.push(`GET ${path} ${request.headers.get('authorization')}`);
      const name = path.endsWith('/zip')
        ? 'Marque - le vélo.zip'
        : path.endsWith('/pdf')
          ? 'Marque - le vélo.pdf'
          : 'Marque - le vélo - slide 1.png';
      return new HttpResponse(new Uint8Array([1, 2, 3]), {
        headers: {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename="x"; filename*=UTF-8''${encodeURIComponent(name)}`,
        },
      });
    }),
    http.get(`${API}/v1/orders/:id`, ({ params }) => {
      const order = orders.get(String(params.id));
      return order
        ? HttpResponse.json(order.detail)
        : HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'No order' } }, { status: 404 });
    }),
  ];

  return {
    handlers,
    state,
    orders,
    /** Delivers the next slide/image of an order. */
    deliver(orderId: string): Asset {
      const order = orders.get(orderId)!;
      const index = order.detail.assets.length;
      const asset: Asset = makeAsset(orderId, index, {
        orderItemId: null,
        brandId: BRAND,
        type:
          order.detail.type === 'carousel'
            ? 'carousel_slide'
            : order.detail.type === 'video'
              ? 'video'
              : 'image',
        // Relative, as a server behind the widget's API URL may answer: the widget resolves it.
        url: `/files/${orderId}-${index}.png`,
        thumbnailUrl: order.detail.type === 'video' ? `/files/${orderId}-poster.png` : null,
        publicId: null,
        text: { title: `Titre ${index + 1}` },
        createdAt: new Date().toISOString(),
      });
      order.detail = {
        ...order.detail,
        assets: [...order.detail.assets, asset],
        completedCount: order.detail.completedCount + 1,
      };
      streams.push({ type: 'asset', orderId, asset });
      return asset;
    },
    /** Ends an order with a terminal status; the stream sends `end` and closes. */
    finish(orderId: string, status: OrderStatus = 'completed') {
      const order = orders.get(orderId)!;
      order.detail = { ...order.detail, status };
      streams.push({ type: 'status', orderId, status });
      streams.push(endEvent(order.detail));
      streams.closeOrder(orderId);
    },
  };
}
