import type {
  Brand,
  CreateBrandRequest,
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
} from './contract/types.js';
import { newIdempotencyKey } from './http/idempotency-key.js';
import type { RetryConfig } from './http/retry.js';
import type { TokenProvider } from './http/token.js';
import { createTransport, type RequestOptions } from './http/transport.js';
import { createEventsHub, type OrderEventListener } from './observers/events-hub.js';
import { createMutation, type MutationObserver } from './observers/mutation.js';
import { createPager, type PagerObserver } from './observers/pager.js';
import { createQuotaObserver, type QuotaObserver } from './observers/quota.js';
import type { OrderWatcher, WatchOptions } from './watch/types.js';
import { createWatchRegistry } from './watch/watch-registry.js';

export interface AlfieClientOptions {
  /** Where `alfie-server` listens, e.g. `http://localhost:8787`. */
  baseUrl: string;
  /** A fixed bearer token (a browser JWT minted by POST /v1/tokens, or a secret key on a server). */
  token?: string | null;
  /** Called before every request and again after a 401; wins over `token`. */
  getToken?: TokenProvider;
  /** Defaults to the global fetch (read at call time). */
  fetch?: typeof fetch;
  /** Per-attempt timeout until response headers, in ms. Default 30000. */
  timeout?: number;
  /** Retries of GETs and generate (network errors, 408, 429, 5xx). A number is the limit. Default 2. */
  retry?: number | RetryConfig;
  /** Live tracking tuning. */
  live?: {
    /** Poll period when SSE is unavailable, in ms. Default 2000. */
    pollInterval?: number;
    /** Fall back to polling when a stream sends nothing for this long (a buffering proxy). Default 5000. */
    firstEventTimeout?: number;
    /** Fall back to polling after this many failed connections in a row. Default 4. */
    maxFailures?: number;
  };
}

export interface GenerateOptions extends RequestOptions {
  /** Reuse the same key to retry a generate safely; default: a new UUID per call. */
  idempotencyKey?: string;
}

const id = (value: string) => encodeURIComponent(value);

/**
 * Creates a typed Alfie client. Nothing touches `window`, so it is safe to create during SSR.
 *
 * @example
 * const client = createAlfieClient({ baseUrl: 'http://localhost:8787', token });
 * const { orderId } = await client.generate({ format: 'carousel', count: 5, topic: 'Tendances 2025', brandId });
 * const watcher = client.orders.watch(orderId);
 * watcher.subscribe(() => console.log(watcher.getSnapshot().assets.map((a) => a.url)));
 */
export function createAlfieClient(options: AlfieClientOptions) {
  const transport = createTransport(options);
  const live = { pollInterval: 2000, firstEventTimeout: 5000, maxFailures: 4, ...options.live };
  const quotaChangeListeners = new Set<() => void>();
  const quotaMayHaveChanged = () => {
    for (const listener of [...quotaChangeListeners]) listener();
  };
  const subscribeEvents = createEventsHub(transport, live.maxFailures);
  const watch = createWatchRegistry({ transport, ...live, onDone: quotaMayHaveChanged });

  const listOrders = (query?: ListOrdersQuery, opts?: RequestOptions) =>
    transport.json<Page<Order>>('v1/orders', { searchParams: query, retry: true, ...opts });
  const listLibrary = (query?: ListLibraryQuery, opts?: RequestOptions) =>
    transport.json<Page<LibraryEntry>>('v1/library', { searchParams: query, retry: true, ...opts });
  const getQuota = (brandId: string, opts?: RequestOptions) =>
    transport.json<Quota>(`v1/quotas/${id(brandId)}`, { retry: true, ...opts });

  return {
    /**
     * Orders an image, a carousel or a video. Sends an Idempotency-Key (the same one on every retry),
     * so a retried call never creates a second order.
     */
    async generate(request: GenerateRequest, opts: GenerateOptions = {}): Promise<GenerateResponse> {
      const response = await transport.json<GenerateResponse>('v1/generate', {
        method: 'post',
        json: request,
        headers: { 'idempotency-key': opts.idempotencyKey ?? newIdempotencyKey() },
        retry: true,
        signal: opts.signal,
      });
      quotaMayHaveChanged();
      return response;
    },
    orders: {
      list: listOrders,
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
      /** Live view of an order (SSE, polling as a fallback); watchers of one order share a connection. */
      watch: (orderId: string, opts?: WatchOptions): OrderWatcher => watch(orderId, opts),
      pager: (query: Omit<ListOrdersQuery, 'cursor'> = {}): PagerObserver<Order> =>
        createPager((cursor) => listOrders({ ...query, cursor })),
    },
    jobs: {
      get: (jobId: string, opts?: RequestOptions) =>
        transport.json<Job>(`v1/jobs/${id(jobId)}`, { retry: true, ...opts }),
    },
    quotas: {
      get: getQuota,
      /** The brand's quota as an observer, refetched after a generate, a cancel or an order's end. */
      observe: (brandId: string): QuotaObserver =>
        createQuotaObserver({
          fetchQuota: () => getQuota(brandId),
          watchChanges(onChange) {
            quotaChangeListeners.add(onChange);
            const stopEvents = subscribeEvents((event) => event.type === 'end' && onChange());
            return () => {
              quotaChangeListeners.delete(onChange);
              stopEvents();
            };
          },
        }),
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
      pager: (query: Omit<ListLibraryQuery, 'cursor'> = {}): PagerObserver<LibraryEntry> =>
        createPager((cursor) => listLibrary({ ...query, cursor })),
    },
    brands: {
      async list(opts?: RequestOptions): Promise<Page<Brand>> {
        const body = await transport.json<Page<Brand> | Brand[]>('v1/brands', { retry: true, ...opts });
        return Array.isArray(body) ? { data: body, nextCursor: null } : body;
      },
      create: (request: CreateBrandRequest, opts?: RequestOptions) =>
        transport.json<Brand>('v1/brands', { method: 'post', json: request, ...opts }),
    },
    events: {
      /** Every event of the caller's orders over one shared `GET /v1/events` stream. */
      subscribe: (listener: OrderEventListener, opts?: { signal?: AbortSignal }) =>
        subscribeEvents(listener, opts),
    },
    /** Replaces the token source: later requests send this token and no longer call `getToken`. */
    setToken: (token: string | null) => transport.setToken(token),
    /** Wraps any async action as an observer for UIs: idle → submitting → success | error. */
    mutation: <TArgs extends unknown[], TData>(
      fn: (...args: TArgs) => Promise<TData>,
    ): MutationObserver<TArgs, TData> => createMutation(fn),
  };
}

export type AlfieClient = ReturnType<typeof createAlfieClient>;
