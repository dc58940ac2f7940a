import type { MediaBody } from '../engines/types.js';

export interface PutObjectInput {
  /** Seed naming: `alfie/{brandId}/{orderId}/image-{timestamp}` or `.../slide-{index}`. No extension. */
  publicId: string;
  body: MediaBody;
  contentType: string;
  resourceType: 'image' | 'video';
  /** Seed tags: `brand:{id}`, `order:{id}`, `type:{type}`, `ratio:{ratio}`. */
  tags: string[];
  /**
   * Videos: the engine's poster still. Storages that keep files (local, Supabase) store it next to
   * the video as `<publicId>-poster` and return its URL as `thumbnailUrl`; Cloudinary ignores it and
   * derives its own poster URL from the video.
   */
  poster?: { body: MediaBody; contentType: string };
  signal?: AbortSignal;
}

export interface StoredObject {
  /** Public URL that clients load. */
  url: string;
  publicId: string;
  /** For videos: a poster image URL, when the storage can make one (Cloudinary) or was given one. */
  thumbnailUrl?: string;
  bytes: number;
}

export interface Storage {
  readonly name: string;
  put(input: PutObjectInput): Promise<StoredObject>;
  /** Removes objects; unknown ids are ignored. */
  delete(publicIds: string[]): Promise<void>;
}
