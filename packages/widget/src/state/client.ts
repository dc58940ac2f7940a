import type { FileDownload } from '@alfie/core';
import type {
  Asset,
  Brand,
  GenerateRequest,
  GenerateResponse,
  LibraryEntry,
  ListLibraryQuery,
  OrderDetail,
  OrderItem,
  OrderStatus,
  Page,
  Quota,
} from '@alfie/core/contract';

type RequestOptions = { signal?: AbortSignal };

/** What the widget needs of an order watcher (core's OrderWatcher satisfies it). */
export interface WatcherLike {
  subscribe(listener: () => void): () => void;
  getSnapshot(): {
    order: OrderDetail | null;
    status: OrderStatus | null;
    items: OrderItem[];
    assets: Asset[];
    progress: { completed: number; expected: number; ratio: number };
    connection: 'connecting' | 'live' | 'reconnecting' | 'polling' | 'closed';
    error: unknown;
    done: boolean;
  };
  close(): void;
}

/**
 * The slice of core's AlfieClient the widget uses. Declared here so the widget states its needs,
 * and so a test can see exactly which calls reach the API.
 */
export interface WidgetClient {
  generate(
    req: GenerateRequest,
    opts?: RequestOptions & { idempotencyKey?: string },
  ): Promise<GenerateResponse>;
  orders: {
    watch(id: string, opts?: { signal?: AbortSignal }): WatcherLike;
    download(orderId: string, assetId: string, opts?: RequestOptions): Promise<FileDownload>;
    downloadZip(orderId: string, opts?: RequestOptions): Promise<FileDownload>;
    downloadPdf(orderId: string, opts?: RequestOptions): Promise<FileDownload>;
  };
  quotas: { get(brandId: string, opts?: RequestOptions): Promise<Quota> };
  library: { list(query?: ListLibraryQuery, opts?: RequestOptions): Promise<Page<LibraryEntry>> };
  brands: { list(opts?: RequestOptions): Promise<Page<Brand>> };
  setToken(token: string | null): void;
}
