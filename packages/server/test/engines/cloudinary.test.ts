import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-error.js';
import { createCloudinaryStorage, createStorage, parseCloudinaryUrl } from '../../src/storage/index.js';
import {
  CLOUDINARY_URL,
  type CloudinaryDelete,
  type CloudinaryUpload,
  cloudinaryDeleteHandler,
  cloudinaryUploadHandler,
  expectedSignature,
} from './msw-cloudinary.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const options = { dataDir: '/nonexistent', publicUrl: 'http://x' };
const tags = ['brand:b1', 'order:o1', 'type:carousel_slide', 'ratio:4:5'];

async function* chunks(total: number): AsyncIterable<Uint8Array> {
  for (let sent = 0; sent < total; sent += 64 * 1024)
    yield Buffer.alloc(Math.min(64 * 1024, total - sent), 7);
}

describe('Cloudinary storage', () => {
  it('streams a signed upload with the brand and order in public_id and tags, and keeps secure_url', async () => {
    const uploads: CloudinaryUpload[] = [];
    server.use(cloudinaryUploadHandler(uploads));
    const storage = createStorage({ STORAGE: 'cloudinary', CLOUDINARY_URL }, options);
    const stored = await storage.put({
      publicId: 'alfie/b1/o1/slide-2',
      body: chunks(300_000),
      contentType: 'image/png',
      resourceType: 'image',
      tags,
    });
    expect(uploads).toHaveLength(1);
    const [upload] = uploads;
    expect(upload!.url).toBe('https://api.cloudinary.com/v1_1/demo-cloud/image/upload');
    expect(upload!.fields).toMatchObject({
      public_id: 'alfie/b1/o1/slide-2',
      tags: tags.join(','),
      api_key: '123456789012345',
    });
    expect(Number(upload!.fields.timestamp)).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(upload!.fields.signature).toBe(expectedSignature(upload!.fields));
    expect(upload!.fields.signature).toHaveLength(40);
    expect(upload!.file.length).toBe(300_000);
    expect(stored).toEqual({
      url: 'https://res.cloudinary.com/demo-cloud/image/upload/v1732700001/alfie/b1/o1/slide-2.png',
      publicId: 'alfie/b1/o1/slide-2',
      bytes: 300_000,
    });
  });

  it('signs with SHA-256 when configured', async () => {
    const uploads: CloudinaryUpload[] = [];
    server.use(cloudinaryUploadHandler(uploads));
    const storage = createStorage(
      { STORAGE: 'cloudinary', CLOUDINARY_URL, CLOUDINARY_SIGNATURE_ALGORITHM: 'sha256' },
      options,
    );
    await storage.put({
      publicId: 'a/b',
      body: Buffer.from('x'),
      contentType: 'image/png',
      resourceType: 'image',
      tags: [],
    });
    expect(uploads[0]!.fields.signature).toBe(expectedSignature(uploads[0]!.fields, undefined, 'sha256'));
  });

  it('uploads videos to /video/upload and answers the Cloudinary poster URL', async () => {
    const uploads: CloudinaryUpload[] = [];
    server.use(cloudinaryUploadHandler(uploads));
    const storage = createStorage({ STORAGE: 'cloudinary', CLOUDINARY_URL }, options);
    const stored = await storage.put({
      publicId: 'alfie/b1/o1/video-1',
      body: Buffer.from('webm'),
      contentType: 'video/webm',
      resourceType: 'video',
      tags: ['type:video'],
      poster: { body: Buffer.from('png'), contentType: 'image/png' },
    });
    expect(uploads.map((u) => u.url)).toEqual(['https://api.cloudinary.com/v1_1/demo-cloud/video/upload']);
    expect(stored.url).toBe(
      'https://res.cloudinary.com/demo-cloud/video/upload/v1732700001/alfie/b1/o1/video-1.webm',
    );
    expect(stored.thumbnailUrl).toBe(
      'https://res.cloudinary.com/demo-cloud/video/upload/v1732700001/alfie/b1/o1/video-1.jpg',
    );
  });

  it('reports a 500 as retryable and a 400 as permanent', async () => {
    const storage = createStorage({ STORAGE: 'cloudinary', CLOUDINARY_URL }, options);
    const put = () =>
      storage.put({
        publicId: 'a/b',
        body: Buffer.from('x'),
        contentType: 'image/png',
        resourceType: 'image',
        tags: [],
      });
    server.use(
      cloudinaryUploadHandler([], () =>
        HttpResponse.json({ error: { message: 'Server error' } }, { status: 500 }),
      ),
    );
    await expect(put()).rejects.toMatchObject({ retryable: true, reason: 'STORAGE_UNAVAILABLE' });
    server.use(
      cloudinaryUploadHandler([], () =>
        HttpResponse.json({ error: { message: 'Invalid image file' } }, { status: 400 }),
      ),
    );
    await expect(put()).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('Invalid image file'),
    });
  });

  it('reports malformed JSON, a timeout and a 420 rate limit as retryable', async () => {
    const put = (storage = createStorage({ STORAGE: 'cloudinary', CLOUDINARY_URL }, options)) =>
      storage.put({
        publicId: 'a/b',
        body: Buffer.from('x'),
        contentType: 'image/png',
        resourceType: 'image',
        tags: [],
      });
    server.use(
      cloudinaryUploadHandler(
        [],
        () =>
          new HttpResponse('<html>502 Bad Gateway', {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    await expect(put()).rejects.toMatchObject({ retryable: true, reason: 'MALFORMED_RESPONSE' });
    server.use(
      cloudinaryUploadHandler([], () =>
        HttpResponse.json({ error: { message: 'Rate Limit Exceeded' } }, { status: 420 }),
      ),
    );
    await expect(put()).rejects.toMatchObject({ retryable: true, reason: 'RATE_LIMITED' });
    server.use(
      http.post('https://api.cloudinary.com/v1_1/:cloud/:resourceType/upload', async () => {
        await delay(1_000);
        return HttpResponse.json({});
      }),
    );
    const impatient = createCloudinaryStorage(parseCloudinaryUrl(CLOUDINARY_URL), { timeoutMs: 100 });
    await expect(put(impatient)).rejects.toMatchObject({ retryable: true });
  });

  it('deletes an order’s assets through the Admin API, for both resource types', async () => {
    const deletes: CloudinaryDelete[] = [];
    server.use(cloudinaryDeleteHandler(deletes));
    const storage = createStorage({ STORAGE: 'cloudinary', CLOUDINARY_URL }, options);
    await storage.delete(['alfie/b1/o1/slide-0', 'alfie/b1/o1/slide-1']);
    expect(deletes.map((d) => d.url.pathname)).toEqual([
      '/v1_1/demo-cloud/resources/image/upload',
      '/v1_1/demo-cloud/resources/video/upload',
    ]);
    expect(deletes[0]!.publicIds).toEqual(['alfie/b1/o1/slide-0', 'alfie/b1/o1/slide-1']);
    expect(deletes[0]!.authorization).toBe(
      `Basic ${Buffer.from('123456789012345:test-secret-abc').toString('base64')}`,
    );
  });

  it('needs CLOUDINARY_URL, and never prints the secret', () => {
    expect(() => createStorage({ STORAGE: 'cloudinary' }, options)).toThrow(ConfigError);
    expect(() => createStorage({ STORAGE: 'cloudinary' }, options)).toThrow(/^CLOUDINARY_URL is required/);
    const bad = () =>
      createStorage({ STORAGE: 'cloudinary', CLOUDINARY_URL: 'https://key:s3cret@cloud' }, options);
    expect(bad).toThrow(ConfigError);
    expect(() => bad()).not.toThrow(/s3cret/);
  });
});
