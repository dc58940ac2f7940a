import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isSafePublicId } from '../storage/content-types.js';

export interface AssetSourceOptions {
  /** Local storage's data directory; files live under `${dataDir}/files`. */
  dataDir: string;
  /** Origin local storage writes into URLs; a URL under `${publicUrl}/files/` is read from disk. */
  publicUrl: string;
  fetch?: typeof fetch;
}

/** A stored file could not be read (gone from disk, or the remote storage refused it). */
export class AssetUnavailable extends Error {}

/**
 * Opens a delivered file as a stream, wherever the storage put it: local files straight from
 * disk (no request to ourselves), remote ones (Cloudinary, Supabase) fetched from their URL. The
 * URLs come from our own storage rows, never from the caller.
 *
 * @example
 * const stream = await openAsset(asset.url, { dataDir, publicUrl });
 */
export async function openAsset(url: string, options: AssetSourceOptions): Promise<Readable> {
  const local = localPath(url, options);
  if (local) {
    const stream = createReadStream(local);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (cause) => reject(new AssetUnavailable(`Stored file missing: ${url}`, { cause })));
    });
    return stream;
  }
  const response = await (options.fetch ?? fetch)(url).catch((cause: unknown) => {
    throw new AssetUnavailable(`Stored file unreachable: ${url}`, { cause });
  });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new AssetUnavailable(`Stored file answered ${response.status}: ${url}`);
  }
  return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
}

/** Reads a whole file: for the PDF, whose encoder needs each image complete. */
export async function readAsset(url: string, options: AssetSourceOptions): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await openAsset(url, options)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function localPath(url: string, options: AssetSourceOptions): string | null {
  const prefix = `${options.publicUrl.replace(/\/+$/, '')}/files/`;
  if (!url.startsWith(prefix)) return null;
  let key: string;
  try {
    key = decodeURIComponent(new URL(url).pathname.replace(/^.*?\/files\//, ''));
  } catch {
    return null;
  }
  const dot = key.lastIndexOf('.');
  if (dot <= 0 || !isSafePublicId(key.slice(0, dot)) || !/^[a-z0-9]+$/.test(key.slice(dot + 1))) return null;
  return join(options.dataDir, 'files', ...key.split('/'));
}
