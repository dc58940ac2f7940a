import type { ReuseOffer } from './contract/reuse-variants.js';
import type {
  Brand,
  CreateBrandRequest,
  DeleteOrderResponse,
  GenerateRequest,
  GenerateResponse,
  Job,
  LibraryEntry,
  ListLibraryQuery,
  ListOrdersQuery,
  Order,
  OrderDetail,
  Page,
  Quota,
  RedoItemResponse,
} from './contract/types.js';
import { type FileDownload, fetchDownload } from './http/file-download.js';
import { newIdempotencyKey } from './http/idempotency-key.js';
import {
  createTransport,
  type RequestOptions,
  type Transport,
  type TransportOptions,
} from './http/transport.js';
import type { EventsHub } from './observers/events-hub.js';
import { type GenerateMethod, reuseVariantsMethods } from './reuse-variants-client.js';
import type { OrderWatchConfig } from './watch/order-watch.js';
import type { OrderWatcher, WatchOptions } from './watch/types.js';
import { createWatchRegistry } from './watch/watch-registry.js';

/** The transport's options (baseUrl, token or getToken, fetch, timeout, retry) and live tracking tuning. */
export interface AlfieClientOptions extends TransportOptions {
  /** Live tracking tuning. */
  live?: {
    /** Poll period when SSE is unavailable, in ms. Default 2000. */
    pollInterval?: number;
    /** Fall back to polling when a stream sends nothing for this long (a buffering proxy). Default 5000. */
    firstEventTimeout?: number;
    /** Fall back to polling after this many failed connections in a row. Default 4. */
    maxFailures?: number;
    /**
     * `createAlfieClient` only: watched orders share the client's one `GET /v1/events` stream
     * (filtered per order, resumed with Last-Event-ID) instead of one stream each, so a page
     * watching many orders stays under the browser's 6 connections per origin. The order's own
     * stream, then polling, remain the fallbacks. Default false.
     */
    sharedStream?: boolean;
  };
}

export interface GenerateOptions extends RequestOptions {
  /** Reuse the same key to retry a generate safely; default: a new UUID per call. */
  idempotencyKey?: string;
}

/** What `createAlfieClient` builds its observers on; not part of the public surface. */
export interface ClientInternals {
  transport: Transport;
  /** The shared `/v1/events` stream, when the client has one. */
  events: EventsHub | undefined;
  live: { pollInterval: number; firstEventTimeout: number; maxFailures: number };
}

const id = (value: string) => encodeURIComponent(value);

/** Builds `orders.watch`: `createWatchRegistry` or `createObservedWatchRegistry`. */
export type WatchRegistryFactory = (
  config: OrderWatchConfig,
) => (orderId: string, options?: WatchOptions) => OrderWatcher;

/**
 * The request methods and `orders.watch`, without the UI observers (pagers, quota observer, shared
 * events stream, mutations). Kept apart so a bundle that only needs these, such as the widget's
 * script tag, leaves the observers out; `createAlfieClient` adds them on top.
 * The registry is passed in so each client's bundle holds only the one it uses.
 * `quotaMayHaveChanged` runs after a generate, a cancel and when a watched order ends.
 */
export function buildBaseClient(
  options: AlfieClientOptions,
  createRegistry: WatchRegistryFactory,
  quotaMayHaveChanged: () => void = () => {},
  createEvents?: (transport: Transport, maxFailures: number) => EventsHub,
  followShared?: (events: EventsHub) => OrderWatchConfig['shared'],
) {
  const transport = createTransport(options);
  const { sharedStream, ...tuning } = options.live ?? {};
  const live = { pollInterval: 2000, firstEventTimeout: 5000, maxFailures: 4, ...tuning };
  const events = sharedStream ? createEvents?.(transport, live.maxFailures) : undefined;
  const watch = createRegistry({
    transport,
    ...live,
    onDone: quotaMayHaveChanged,
    shared: events && followShared?.(events),
  });

  const listLibrary = (query?: ListLibraryQuery, opts?: RequestOptions) =>
    transport.json<Page<LibraryEntry>>('v1/library', { searchParams: query, retry: true, ...opts });

  const client = {
    /**
     * Orders an image, a carousel or a video. Sends an Idempotency-Key (the same one on every retry),
     * so a retried call never creates a second order. With `reuse: 'auto'` a match comes back at once
     * as a completed, free order (`reusedFromOrderId`, `jobId: null`); with `reuse: 'offer'` it may
     * resolve with `{ offer }` instead, and nothing is created (see `isReuseOffer`).
     */
    generate: (async (request: GenerateRequest, opts: GenerateOptions = {}) => {
      const response = await transport.json<GenerateResponse | ReuseOffer>('v1/generate', {
        method: 'post',
        json: request,
        headers: { 'idempotency-key': opts.idempotencyKey ?? newIdempotencyKey() },
        retry: true,
        signal: opts.signal,
      });
      quotaMayHaveChanged();
      return response;
    }) as GenerateMethod<GenerateOptions>,
    orders: {
      list: (query?: ListOrdersQuery, opts?: RequestOptions) =>
        transport.json<Page<Order>>('v1/orders', { searchParams: query, retry: true, ...opts }),
      get: (orderId: string, opts?: RequestOptions) =>
        transport.json<OrderDetail>(`v1/orders/${id(orderId)}`, { retry: true, ...opts }),
      async cancel(orderId: string, opts?: RequestOptions): Promise<OrderDetail> {
        const detail = await transport.json<OrderDetail>(`v1/orders/${id(orderId)}/cancel`, {
          method: 'post',
          ...opts,
        });
        quotaMayHaveChanged();
        return detail;
      },
      /**
       * Deletes a finished order and its stored files. Never retried; 409 CONFLICT while the order
       * is still running (cancel it first).
       */
      delete: (orderId: string, opts?: RequestOptions) =>
        transport.json<DeleteOrderResponse>(`v1/orders/${id(orderId)}`, { method: 'delete', ...opts }),
      /**
       * Draws one slide (or image) of an ended order again, 1-based: 202 at once, the order runs
       * again for that slide only and is charged one image. Never retried (a retry could charge twice).
       *
       * @example
       * await client.orders.redo(orderId, 3); // then watch or get the order: slide 3 has a new asset
       */
      async redo(orderId: string, slide: number, opts?: RequestOptions): Promise<RedoItemResponse> {
        const response = await transport.json<RedoItemResponse>(
          `v1/orders/${id(orderId)}/items/${encodeURIComponent(String(slide))}/redo`,
          { method: 'post', ...opts },
        );
        quotaMayHaveChanged();
        return response;
      },
      /** One delivered file as an attachment named after the brand, topic and slide. */
      download: (orderId: string, assetId: string, opts?: RequestOptions): Promise<FileDownload> =>
        fetchDownload(
          transport,
          `v1/orders/${id(orderId)}/assets/${id(assetId)}/download`,
          'alfie-file',
          opts,
        ),
      /** Every file of a finished order in one ZIP (409 CONFLICT while it runs). */
      downloadZip: (orderId: string, opts?: RequestOptions): Promise<FileDownload> =>
        fetchDownload(transport, `v1/orders/${id(orderId)}/download/zip`, 'alfie.zip', opts),
      /** The images of a finished order as a PDF, one page each: LinkedIn's carousel format. */
      downloadPdf: (orderId: string, opts?: RequestOptions): Promise<FileDownload> =>
        fetchDownload(transport, `v1/orders/${id(orderId)}/download/pdf`, 'alfie.pdf', opts),
      /** Live view of an order (SSE, polling as a fallback); watchers of one order share a connection. */
      watch: (orderId: string, opts?: WatchOptions): OrderWatcher => watch(orderId, opts),
    },
    jobs: {
      get: (jobId: string, opts?: RequestOptions) =>
        transport.json<Job>(`v1/jobs/${id(jobId)}`, { retry: true, ...opts }),
    },
    quotas: {
      get: (brandId: string, opts?: RequestOptions) =>
        transport.json<Quota>(`v1/quotas/${id(brandId)}`, { retry: true, ...opts }),
    },
    library: {
      list: listLibrary,
      /** Every entry, page after page. */
      async *iterate(
        query: Omit<ListLibraryQuery, 'cursor'> = {},
        opts?: RequestOptions,
      ): AsyncIterable<LibraryEntry> {
        let cursor: string | undefined;
        do {
          const page = await listLibrary({ ...query, cursor }, opts);
          yield* page.data;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      },
    },
    brands: {
      async list(opts?: RequestOptions): Promise<Page<Brand>> {
        const body = await transport.json<Page<Brand> | Brand[]>('v1/brands', { retry: true, ...opts });
        return Array.isArray(body) ? { data: body, nextCursor: null } : body;
      },
      create: (request: CreateBrandRequest, opts?: RequestOptions) =>
        transport.json<Brand>('v1/brands', { method: 'post', json: request, ...opts }),
    },
    ...reuseVariantsMethods(transport),
    /** Replaces the token source: later requests send this token and no longer call `getToken`. */
    setToken: (token: string | null) => transport.setToken(token),
  };
  const internals: ClientInternals = { transport, live, events };
  return { client, internals };
}

/**
 * A client with every API method and `orders.watch`, but none of the UI observers of
 * `createAlfieClient` (`orders.pager`, `library.pager`, `quotas.observe`, `events`, `mutation`), so
 * bundlers drop those. For size-sensitive bundles (an embeddable script); apps should prefer
 * `createAlfieClient`.
 *
 * @example
 * const client = createAlfieBaseClient({ baseUrl: 'http://localhost:8787', token });
 * const { orderId } = await client.generate({ format: 'image', topic: 'Café', brandId });
 * client.orders.watch(orderId).subscribe(() => console.log('changed'));
 */
export function createAlfieBaseClient(options: AlfieClientOptions) {
  return buildBaseClient(options, createWatchRegistry).client;
}

export type AlfieBaseClient = ReturnType<typeof createAlfieBaseClient>;
