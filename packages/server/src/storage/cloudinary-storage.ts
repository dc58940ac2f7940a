import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { v2 as cloudinary, type UploadApiErrorResponse, type UploadApiResponse } from 'cloudinary';
import { ConfigError } from '../config-error.js';
import { ProviderError, type ProviderErrorReason } from '../engines/errors.js';
import { iterateBody } from '../engines/media-body.js';
import type { PutObjectInput, Storage, StoredObject } from './types.js';

export interface CloudinaryCredentials {
  cloudName: string;
  apiKey: string;
  apiSecret: string;
}

/**
 * Reads `cloudinary://<api_key>:<api_secret>@<cloud_name>`, the format of CLOUDINARY_URL the
 * Cloudinary console shows and its SDKs read. Never echoes the secret in an error.
 */
export function parseCloudinaryUrl(value: string | undefined): CloudinaryCredentials {
  if (!value)
    throw new ConfigError(
      'CLOUDINARY_URL is required when STORAGE=cloudinary (cloudinary://<key>:<secret>@<cloud>)',
    );
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('CLOUDINARY_URL must look like cloudinary://<key>:<secret>@<cloud>');
  }
  if (url.protocol !== 'cloudinary:' || !url.username || !url.password || !url.hostname) {
    throw new ConfigError('CLOUDINARY_URL must look like cloudinary://<key>:<secret>@<cloud>');
  }
  return {
    cloudName: url.hostname,
    apiKey: decodeURIComponent(url.username),
    apiSecret: decodeURIComponent(url.password),
  };
}

/**
 * Cloudinary storage, through the official SDK. Uploads are signed (the SDK signs the sorted
 * parameters plus the API secret with SHA-1, or SHA-256 with CLOUDINARY_SIGNATURE_ALGORITHM=sha256:
 * https://cloudinary.com/documentation/authentication_signatures) and streamed: the engine's
 * bytes go through `upload_stream` as they come. The `public_id` and tags name the brand and order
 * so the Cloudinary console and the Admin API can find (and delete) an order's files; the
 * asset URL is `secure_url`, and a video's poster is Cloudinary's derived JPEG of the video.
 *
 * @example
 * const storage = createCloudinaryStorage(parseCloudinaryUrl(process.env.CLOUDINARY_URL));
 */
export function createCloudinaryStorage(
  credentials: CloudinaryCredentials,
  options: { signatureAlgorithm?: 'sha1' | 'sha256'; timeoutMs?: number } = {},
): Storage {
  // Per-call credentials instead of the SDK's global config: two storages never share state.
  const auth = {
    cloud_name: credentials.cloudName,
    api_key: credentials.apiKey,
    api_secret: credentials.apiSecret,
    signature_algorithm: options.signatureAlgorithm ?? 'sha1',
  };

  return {
    name: 'cloudinary',
    async put(input: PutObjectInput): Promise<StoredObject> {
      let settle!: (result: UploadApiResponse) => void;
      let fail!: (error: unknown) => void;
      const uploaded = new Promise<UploadApiResponse>((resolve, reject) => {
        settle = resolve;
        fail = reject;
      });
      const upload = cloudinary.uploader.upload_stream(
        {
          ...auth,
          public_id: input.publicId,
          resource_type: input.resourceType,
          tags: input.tags,
          overwrite: true,
          timeout: options.timeoutMs ?? 120_000,
        },
        (error?: UploadApiErrorResponse, result?: UploadApiResponse) =>
          error || !result ? fail(uploadError(error)) : settle(result),
      );
      // The SDK's own `timeout` is a socket idle timer; this bounds the whole upload, answer included.
      const timeoutMs = options.timeoutMs ?? 120_000;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          upload.destroy();
          reject(
            new ProviderError(`Cloudinary did not answer within ${timeoutMs} ms`, {
              retryable: true,
              reason: 'TIMEOUT',
            }),
          );
        }, timeoutMs);
      });
      try {
        await Promise.race([
          Promise.all([
            pipeline(Readable.from(iterateBody(input.body)), upload, { signal: input.signal }),
            uploaded,
          ]),
          timedOut,
        ]);
      } finally {
        clearTimeout(timer);
      }
      const result = await uploaded;
      if (typeof result.secure_url !== 'string' || typeof result.public_id !== 'string') {
        throw new ProviderError('Cloudinary answered without secure_url', {
          retryable: true,
          reason: 'MALFORMED_RESPONSE',
        });
      }
      const stored: StoredObject = {
        url: result.secure_url,
        publicId: result.public_id,
        bytes: result.bytes,
      };
      if (input.resourceType === 'video') {
        stored.thumbnailUrl = cloudinary.url(result.public_id, {
          cloud_name: credentials.cloudName,
          resource_type: 'video',
          format: 'jpg',
          version: result.version,
          secure: true,
          // Without this the SDK appends an `_a=` analytics query to every URL it builds.
          urlAnalytics: false,
        });
      }
      return stored;
    },
    async delete(publicIds: string[]): Promise<void> {
      // The Admin API deletes up to 100 ids per call and per resource type; we do not know which
      // type each id is, so both are asked (unknown ids come back as "not_found", which is fine).
      for (let start = 0; start < publicIds.length; start += 100) {
        const batch = publicIds.slice(start, start + 100);
        for (const resource_type of ['image', 'video'] as const) {
          await cloudinary.api
            .delete_resources(batch, { ...auth, resource_type, type: 'upload' })
            .catch((error: unknown) => {
              throw uploadError(error as UploadApiErrorResponse);
            });
        }
      }
    },
  };
}

/** Cloudinary answers errors as `{ error: { message, http_code } }`; 420/429/5xx and timeouts are retryable. */
function uploadError(
  error: UploadApiErrorResponse | { error?: UploadApiErrorResponse } | undefined,
): ProviderError {
  const inner =
    (error as { error?: UploadApiErrorResponse })?.error ?? (error as UploadApiErrorResponse | undefined);
  const status = inner?.http_code ?? 0;
  // A body that is not JSON comes back with the HTTP status it had, often 200 (a proxy's error page).
  const malformed = /invalid JSON/i.test(inner?.message ?? '') || (status >= 200 && status < 400);
  const retryable =
    malformed || status === 0 || status === 420 || status === 429 || status === 499 || status >= 500;
  const reason: ProviderErrorReason = malformed
    ? 'MALFORMED_RESPONSE'
    : status === 429 || status === 420
      ? 'RATE_LIMITED'
      : retryable
        ? 'STORAGE_UNAVAILABLE'
        : 'STORAGE_REJECTED';
  return new ProviderError(
    `Cloudinary: ${inner?.message ?? 'upload failed'}${status ? ` (${status})` : ''}`,
    {
      retryable,
      reason,
    },
  );
}
