import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-error.js';
import { createStorage } from '../../src/storage/index.js';

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

describe('local storage', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'alfie-storage-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('streams a body to disk and answers its public URL, then deletes it', async () => {
    const storage = createStorage({}, { dataDir, publicUrl: 'http://localhost:8787/' });
    const stored = await storage.put({
      publicId: 'alfie/b1/o1/slide-0',
      body: chunks('hello ', 'world'),
      contentType: 'image/png',
      resourceType: 'image',
      tags: ['brand:b1'],
    });
    expect(stored).toEqual({
      url: 'http://localhost:8787/files/alfie/b1/o1/slide-0.png',
      publicId: 'alfie/b1/o1/slide-0',
      bytes: 11,
    });
    const file = join(dataDir, 'files/alfie/b1/o1/slide-0.png');
    expect(await readFile(file, 'utf8')).toBe('hello world');
    await storage.delete(['alfie/b1/o1/slide-0', 'alfie/unknown/id']);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stores a video poster next to the video and deletes both', async () => {
    const storage = createStorage({ STORAGE: 'local' }, { dataDir, publicUrl: 'http://x' });
    const stored = await storage.put({
      publicId: 'alfie/b/o/video-1',
      body: Buffer.from('webm'),
      contentType: 'video/webm',
      resourceType: 'video',
      tags: [],
      poster: { body: Buffer.from('png'), contentType: 'image/png' },
    });
    expect(stored.url).toBe('http://x/files/alfie/b/o/video-1.webm');
    expect(stored.thumbnailUrl).toBe('http://x/files/alfie/b/o/video-1-poster.png');
    await storage.delete(['alfie/b/o/video-1']);
    await expect(stat(join(dataDir, 'files/alfie/b/o/video-1-poster.png'))).rejects.toThrow();
    await expect(stat(join(dataDir, 'files/alfie/b/o/video-1.webm'))).rejects.toThrow();
  });

  it('refuses publicIds that would leave the files directory', async () => {
    const storage = createStorage({}, { dataDir, publicUrl: 'http://x' });
    for (const publicId of ['../escape', 'a/../../b', '/abs', 'a//b', 'a\\b']) {
      await expect(
        storage.put({
          publicId,
          body: Buffer.from('x'),
          contentType: 'image/png',
          resourceType: 'image',
          tags: [],
        }),
      ).rejects.toThrow(/Invalid publicId/);
    }
  });

  it('leaves no partial file when the body fails midway', async () => {
    const storage = createStorage({}, { dataDir, publicUrl: 'http://x' });
    async function* broken(): AsyncIterable<Uint8Array> {
      yield Buffer.from('half');
      throw new Error('engine died');
    }
    await expect(
      storage.put({
        publicId: 'a/b',
        body: broken(),
        contentType: 'image/png',
        resourceType: 'image',
        tags: [],
      }),
    ).rejects.toThrow('engine died');
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(join(dataDir, 'files/a'))).toEqual([]);
  });

  it('names the variable in a one-line ConfigError for an unknown storage', () => {
    expect(() => createStorage({ STORAGE: 's3' }, { dataDir, publicUrl: 'http://x' })).toThrow(ConfigError);
    expect(() => createStorage({ STORAGE: 's3' }, { dataDir, publicUrl: 'http://x' })).toThrow(
      /^STORAGE must be/,
    );
  });
});
