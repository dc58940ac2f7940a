import type { Brand, ConversationClient, FileDownload, Page } from '@alfie/core';

type RequestOptions = { signal?: AbortSignal };

/**
 * The slice of core's client the widget uses: what the conversation engine needs, plus the brand
 * look-up and the token switch. Declared so the widget states its needs, and so a test can see
 * exactly which calls reach the API.
 */
export interface WidgetClient extends ConversationClient {
  brands: { list(opts?: RequestOptions): Promise<Page<Brand>> };
  /** The download buttons: files come through the API, authenticated, named by the server. */
  orders: ConversationClient['orders'] & {
    download(orderId: string, assetId: string, opts?: RequestOptions): Promise<FileDownload>;
    downloadZip(orderId: string, opts?: RequestOptions): Promise<FileDownload>;
    downloadPdf(orderId: string, opts?: RequestOptions): Promise<FileDownload>;
  };
  setToken(token: string | null): void;
}
