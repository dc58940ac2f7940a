import { ConfigError } from '../config-error.js';
import { type Env, requireEnv } from '../engines/config.js';
import { createCloudinaryStorage, parseCloudinaryUrl } from './cloudinary-storage.js';
import { createLocalStorage } from './local-storage.js';
import { createSupabaseStorage } from './supabase-storage.js';
import type { Storage } from './types.js';

export { CONTENT_TYPE_BY_EXTENSION, extensionFor, isSafePublicId } from './content-types.js';
export type * from './types.js';
export { createCloudinaryStorage, createLocalStorage, createSupabaseStorage, parseCloudinaryUrl };

export interface StorageOptions {
  /** Data directory of local storage (files under `${dataDir}/files`). */
  dataDir: string;
  /** Public origin of this server, for local file URLs. */
  publicUrl: string;
}

/**
 * Builds the storage STORAGE names: `local` (default), `cloudinary` (CLOUDINARY_URL) or `supabase`
 * (SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, SUPABASE_BUCKET). A missing setting is a one-line ConfigError.
 *
 * @example
 * const storage = createStorage(process.env, { dataDir: '.alfie', publicUrl: 'http://localhost:8787' });
 */
export function createStorage(env: Env, options: StorageOptions): Storage {
  const kind = (env.STORAGE ?? '').trim().toLowerCase() || 'local';
  switch (kind) {
    case 'local':
      return createLocalStorage(options);
    case 'cloudinary': {
      const algorithm = env.CLOUDINARY_SIGNATURE_ALGORITHM?.trim().toLowerCase() || 'sha1';
      if (algorithm !== 'sha1' && algorithm !== 'sha256') {
        throw new ConfigError(`CLOUDINARY_SIGNATURE_ALGORITHM must be sha1 or sha256, got "${algorithm}"`);
      }
      return createCloudinaryStorage(parseCloudinaryUrl(env.CLOUDINARY_URL), {
        signatureAlgorithm: algorithm,
      });
    }
    case 'supabase': {
      const ttl = env.SUPABASE_STORAGE_SIGNED_URL_TTL?.trim();
      if (ttl && !/^\d+$/.test(ttl)) {
        throw new ConfigError(`SUPABASE_STORAGE_SIGNED_URL_TTL must be a number of seconds, got "${ttl}"`);
      }
      return createSupabaseStorage({
        url: requireEnv(env, 'SUPABASE_URL', 'when STORAGE=supabase'),
        serviceRoleKey: requireEnv(env, 'SUPABASE_SERVICE_ROLE_KEY', 'when STORAGE=supabase'),
        bucket: env.SUPABASE_STORAGE_BUCKET?.trim() || undefined,
        signedUrlTtlSeconds: ttl ? Number(ttl) : undefined,
      });
    }
    default:
      throw new ConfigError(`STORAGE must be local, cloudinary or supabase, got "${env.STORAGE}"`);
  }
}
