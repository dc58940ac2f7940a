import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { iterateBody } from '../engines/media-body.js';
import type { MediaBody } from '../engines/types.js';
import { extensionFor, isSafePublicId } from './content-types.js';
import type { PutObjectInput, Storage, StoredObject } from './types.js';

export interface LocalStorageOptions {
  /** Files go under `${dataDir}/files/`. */
  dataDir: string;
  /** Origin the server is reached at, e.g. `http://localhost:8787` (no trailing slash needed). */
  publicUrl: string;
}

/**
 * Disk storage for one machine: `${dataDir}/files/<publicId>.<ext>`, served by `filesRoutes` at
 * `${publicUrl}/files/<publicId>.<ext>`. Bodies are streamed to a temporary file and renamed into
 * place, so a reader never sees half a file and nothing is held in memory.
 *
 * @example
 * const storage = createLocalStorage({ dataDir: './.alfie', publicUrl: 'http://localhost:8787' });
 * const { url } = await storage.put({ publicId: 'alfie/b/o/slide-0', body: png, contentType: 'image/png', resourceType: 'image', tags: [] });
 */
export function createLocalStorage(options: LocalStorageOptions): Storage {
  const root = join(options.dataDir, 'files');
  const baseUrl = options.publicUrl.replace(/\/+$/, '');
  const urlFor = (key: string) => `${baseUrl}/files/${key.split('/').map(encodeURIComponent).join('/')}`;

  async function write(publicId: string, body: MediaBody, contentType: string, signal?: AbortSignal) {
    if (!isSafePublicId(publicId)) throw new Error(`Invalid publicId: ${publicId}`);
    const key = `${publicId}.${extensionFor(contentType)}`;
    const target = join(root, key);
    const partial = `${target}.${randomUUID()}.part`;
    await mkdir(dirname(target), { recursive: true });
    let bytes = 0;
    const counted = Readable.from(
      (async function* () {
        for await (const chunk of iterateBody(body)) {
          bytes += chunk.byteLength;
          yield chunk;
        }
      })(),
    );
    try {
      await pipeline(counted, createWriteStream(partial), { signal });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { key, bytes };
  }

  return {
    name: 'local',
    async put(input: PutObjectInput): Promise<StoredObject> {
      const { key, bytes } = await write(input.publicId, input.body, input.contentType, input.signal);
      const stored: StoredObject = { url: urlFor(key), publicId: input.publicId, bytes };
      if (input.poster) {
        const poster = await write(
          `${input.publicId}-poster`,
          input.poster.body,
          input.poster.contentType,
          input.signal,
        );
        stored.thumbnailUrl = urlFor(poster.key);
      }
      return stored;
    },
    async delete(publicIds: string[]): Promise<void> {
      for (const publicId of publicIds) {
        if (!isSafePublicId(publicId)) continue;
        const target = join(root, publicId);
        const names = await readdir(dirname(target)).catch(() => [] as string[]);
        const base = publicId.split('/').pop()!;
        // The extension is not part of the publicId: remove `<id>.<ext>` and its poster, whatever ext.
        const mine = names.filter((name) =>
          new RegExp(`^${escapeRegExp(base)}(-poster)?\\.[a-z0-9]+$`).test(name),
        );
        await Promise.all(mine.map((name) => rm(join(dirname(target), name), { force: true })));
      }
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
