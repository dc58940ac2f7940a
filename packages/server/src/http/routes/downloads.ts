import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { isUuid } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import {
  type AssetSourceOptions,
  AssetUnavailable,
  openAsset,
  readAsset,
} from '../../downloads/asset-source.js';
import { attachmentHeader } from '../../downloads/file-name.js';
import { loadOrderFiles } from '../../downloads/order-files.js';
import { pdfStream } from '../../downloads/pdf-stream.js';
import { zipStream } from '../../downloads/zip-stream.js';
import { ApiError, conflict, notFound } from '../../errors.js';
import type { AppEnv } from '../env.js';
import { requireUser } from '../middleware/auth.js';

/**
 * Downloads of an order's files, all `Content-Disposition: attachment` with readable names:
 * - GET /v1/orders/:id/assets/:assetId/download: one file, as stored;
 * - GET /v1/orders/:id/download/zip: every file of a finished order in one ZIP;
 * - GET /v1/orders/:id/download/pdf: its images as a PDF, one page each (LinkedIn's carousel format).
 * Everything is streamed: a file is read while it is sent, and a ZIP or PDF is built as it goes out.
 * Another user's order is 404.
 */
export function downloadsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const source: AssetSourceOptions = { dataDir: deps.config.dataDir, publicUrl: deps.config.publicUrl };
  const orderId = (raw: string) => {
    if (!isUuid(raw)) throw notFound('Order');
    return raw.toLowerCase();
  };
  const headers = (contentType: string, fileName: string, extra: Record<string, string> = {}) => ({
    'Content-Type': contentType,
    'Content-Disposition': attachmentHeader(fileName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    ...extra,
  });
  const web = (stream: Readable) => Readable.toWeb(stream) as ReadableStream<Uint8Array>;

  app.get('/v1/orders/:id/assets/:assetId/download', async (c) => {
    const user = requireUser(c);
    const order = await loadOrderFiles(deps.db, user, orderId(c.req.param('id')), { whole: false });
    const assetId = c.req.param('assetId').toLowerCase();
    const file = order.files.find((candidate) => candidate.asset.id === assetId);
    if (!file) throw notFound('Asset');
    const stream = await openAsset(file.asset.url, source).catch(unavailable);
    return new Response(web(stream), {
      headers: headers(file.asset.mimeType ?? 'application/octet-stream', file.fileName),
    });
  });

  app.get('/v1/orders/:id/download/zip', async (c) => {
    const user = requireUser(c);
    const order = await loadOrderFiles(deps.db, user, orderId(c.req.param('id')), { whole: true });
    const stream = zipStream(
      order.files.map((file) => ({ name: file.fileName, open: () => openAsset(file.asset.url, source) })),
    );
    return new Response(web(stream), { headers: headers('application/zip', order.nameWith('zip')) });
  });

  app.get('/v1/orders/:id/download/pdf', async (c) => {
    const user = requireUser(c);
    const order = await loadOrderFiles(deps.db, user, orderId(c.req.param('id')), { whole: true });
    const images = order.files.filter((file) => file.asset.type !== 'video');
    if (images.length === 0) throw conflict('The order has no images to put in a PDF');
    const stream = pdfStream(
      order.topic,
      images.map(({ asset }) => ({
        width: asset.width ?? 1080,
        height: asset.height ?? 1080,
        mimeType: asset.mimeType,
        read: () => readAsset(asset.url, source),
      })),
    );
    return new Response(web(stream), { headers: headers('application/pdf', order.nameWith('pdf')) });
  });

  return app;
}

function unavailable(error: unknown): never {
  if (error instanceof AssetUnavailable)
    throw new ApiError('NOT_FOUND', 'The stored file is no longer available');
  throw error;
}
