import { Readable } from 'node:stream';
import { StorageClient } from '@supabase/storage-js';
import { ProviderError } from '../engines/errors.js';
import { iterateBody } from '../engines/media-body.js';
import type { MediaBody } from '../engines/types.js';
import { extensionFor } from './content-types.js';
import type { PutObjectInput, Storage, StoredObject } from './types.js';

export interface SupabaseStorageOptions {
  /** SUPABASE_URL, e.g. https://abcd.supabase.co */
  url: string;
  /** SUPABASE_SERVICE_ROLE_KEY: server-side only, it bypasses Storage RLS to write any object. */
  serviceRoleKey: string;
  /** SUPABASE_STORAGE_BUCKET, default `alfie`. */
  bucket?: string;
  /**
   * SUPABASE_STORAGE_SIGNED_URL_TTL in seconds. Unset: the bucket is public and assets get their
   * permanent public URL. Set: a private bucket, and each asset URL is signed for that long.
   */
  signedUrlTtlSeconds?: number;
}

const EXTENSIONS = ['png', 'jpg', 'webp', 'webm', 'mp4'];

/**
 * Supabase Storage through @supabase/storage-js (the storage client inside @supabase/supabase-js): objects at `<bucket>/<publicId>.<ext>`, uploaded
 * as a stream (the SDK sends a ReadableStream body with `duplex: 'half'`), with `upsert` so a retried
 * item overwrites its own object. URLs are `getPublicUrl` (public bucket) or `createSignedUrl`.
 *
 * @example
 * const storage = createSupabaseStorage({ url: process.env.SUPABASE_URL!, serviceRoleKey: process.env.SUPABASE_SERVICE_ROLE_KEY! });
 */
export function createSupabaseStorage(options: SupabaseStorageOptions): Storage {
  // supabase-js's own storage client, without the rest of createClient(): that also opens
  // Realtime, which needs a global WebSocket that Node 20 does not have.
  const storage = new StorageClient(`${options.url.replace(/\/+$/, '')}/storage/v1`, {
    apikey: options.serviceRoleKey,
    Authorization: `Bearer ${options.serviceRoleKey}`,
  });
  const bucket = storage.from(options.bucket ?? 'alfie');

  async function upload(
    path: string,
    body: MediaBody,
    contentType: string,
  ): Promise<{ bytes: number; url: string }> {
    let bytes = 0;
    const stream = Readable.toWeb(
      Readable.from(
        (async function* () {
          for await (const chunk of iterateBody(body)) {
            bytes += chunk.byteLength;
            yield chunk;
          }
        })(),
      ),
    ) as ReadableStream<Uint8Array>;
    const { error } = await bucket.upload(path, stream, { contentType, upsert: true, duplex: 'half' });
    if (error) throw storageError(error);
    return { bytes, url: await urlFor(path) };
  }

  async function urlFor(path: string): Promise<string> {
    if (!options.signedUrlTtlSeconds) return bucket.getPublicUrl(path).data.publicUrl;
    const { data, error } = await bucket.createSignedUrl(path, options.signedUrlTtlSeconds);
    if (error || !data) throw storageError(error);
    return data.signedUrl;
  }

  return {
    name: 'supabase',
    async put(input: PutObjectInput): Promise<StoredObject> {
      const path = `${input.publicId}.${extensionFor(input.contentType)}`;
      const { bytes, url } = await upload(path, input.body, input.contentType);
      const stored: StoredObject = { url, publicId: input.publicId, bytes };
      if (input.poster) {
        const posterPath = `${input.publicId}-poster.${extensionFor(input.poster.contentType)}`;
        stored.thumbnailUrl = (await upload(posterPath, input.poster.body, input.poster.contentType)).url;
      }
      return stored;
    },
    async delete(publicIds: string[]): Promise<void> {
      if (publicIds.length === 0) return;
      // The extension is not part of the publicId: remove every name it can have (missing ones are ignored).
      const paths = publicIds.flatMap((id) =>
        EXTENSIONS.flatMap((ext) => [`${id}.${ext}`, `${id}-poster.${ext}`]),
      );
      const { error } = await bucket.remove(paths);
      if (error) throw storageError(error);
    },
  };
}

function storageError(error: unknown): ProviderError {
  const status = Number(
    (error as { statusCode?: string | number; status?: number })?.statusCode ??
      (error as { status?: number })?.status ??
      0,
  );
  const retryable = status === 0 || status === 429 || status >= 500;
  return new ProviderError(`Supabase Storage: ${(error as Error)?.message ?? 'request failed'}`, {
    retryable,
    reason: retryable ? 'STORAGE_UNAVAILABLE' : 'STORAGE_REJECTED',
    cause: error,
  });
}
