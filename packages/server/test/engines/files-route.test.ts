import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesRoutes } from '../../src/http/routes/files.js';
import { createLocalStorage } from '../../src/storage/local-storage.js';

describe('GET /files/*', () => {
  let dataDir: string;
  let app: ReturnType<typeof filesRoutes>;
  const video = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'alfie-files-'));
    const storage = createLocalStorage({ dataDir, publicUrl: 'http://x' });
    await storage.put({
      publicId: 'alfie/b/o/slide-0',
      body: Buffer.from('png!'),
      contentType: 'image/png',
      resourceType: 'image',
      tags: [],
    });
    await storage.put({
      publicId: 'alfie/b/o/video-1',
      body: video,
      contentType: 'video/webm',
      resourceType: 'video',
      tags: [],
    });
    app = filesRoutes({ dataDir });
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('serves a file with its content type and caching headers', async () => {
    const response = await app.request('/files/alfie/b/o/slide-0.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('etag')).toMatch(/^".+"$/);
    expect(response.headers.get('last-modified')).toMatch(/GMT$/);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(await response.text()).toBe('png!');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await app.request('/files/alfie/b/o/slide-0.png');
    const again = await app.request('/files/alfie/b/o/slide-0.png', {
      headers: { 'If-None-Match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('answers 304 to If-Modified-Since, and HEAD with headers only', async () => {
    const first = await app.request('/files/alfie/b/o/video-1.webm');
    const since = await app.request('/files/alfie/b/o/video-1.webm', {
      headers: { 'If-Modified-Since': first.headers.get('last-modified')! },
    });
    expect(since.status).toBe(304);
    const head = await app.request('/files/alfie/b/o/video-1.webm', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1000');
    expect(head.headers.get('content-type')).toBe('video/webm');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers byte ranges with 206 and Content-Range', async () => {
    const response = await app.request('/files/alfie/b/o/video-1.webm', {
      headers: { Range: 'bytes=100-199' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('video/webm');
    expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(response.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(video.subarray(100, 200));

    const open = await app.request('/files/alfie/b/o/video-1.webm', { headers: { Range: 'bytes=990-' } });
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    const suffix = await app.request('/files/alfie/b/o/video-1.webm', { headers: { Range: 'bytes=-10' } });
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(video.subarray(990));
  });

  it('answers 416 to a range past the end', async () => {
    const response = await app.request('/files/alfie/b/o/video-1.webm', {
      headers: { Range: 'bytes=5000-' },
    });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */1000');
  });

  it('refuses path traversal and unknown files with 404', async () => {
    for (const path of [
      '/files/../package.json',
      '/files/%2e%2e/%2e%2e/etc/passwd.png',
      '/files/alfie/b/o/..%2f..%2fslide-0.png',
      '/files/alfie%2fb%2fo%2f..%2f..%2f..%2fsecret.png',
      '/files/alfie/b/o/slide-0.txt',
      '/files/alfie/b/o/missing.png',
      '/files/alfie/b/o',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      // `/files/../x` is normalised by URL parsing before routing and never reaches this route.
      if (new URL(path, 'http://x').pathname.startsWith('/files/')) {
        expect((await response.json()).error.code, path).toBe('NOT_FOUND');
      }
    }
  });
});
