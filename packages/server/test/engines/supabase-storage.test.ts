import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-error.js';
import { createStorage } from '../../src/storage/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const SUPABASE_URL = 'https://abcd.supabase.co';
const KEY = 'service-role-key';
const env = {
  STORAGE: 'supabase',
  SUPABASE_URL,
  SUPABASE_SERVICE_ROLE_KEY: KEY,
  SUPABASE_STORAGE_BUCKET: 'assets',
};
const options = { dataDir: '/nonexistent', publicUrl: 'http://x' };

interface Seen {
  method: string;
  path: string;
  headers: Headers;
  body: Buffer;
}

/** Storage API endpoints the SDK calls: upload (POST object), sign, remove (DELETE with prefixes). */
function storageApi(seen: Seen[]) {
  const record = async (request: Request) => {
    const item = {
      method: request.method,
      path: new URL(request.url).pathname,
      headers: request.headers,
      body: Buffer.from(await request.arrayBuffer()),
    };
    seen.push(item);
    return item;
  };
  return [
    http.post(`${SUPABASE_URL}/storage/v1/object/sign/*`, async ({ request }) => {
      const { path } = await record(request);
      const key = path.replace('/storage/v1/object/sign/', '');
      return HttpResponse.json({ signedURL: `/object/sign/${key}?token=signed-token` });
    }),
    http.post(`${SUPABASE_URL}/storage/v1/object/*`, async ({ request }) => {
      const { path } = await record(request);
      return HttpResponse.json({ Key: path.replace('/storage/v1/object/', ''), Id: 'object-id' });
    }),
    http.delete(`${SUPABASE_URL}/storage/v1/object/assets`, async ({ request }) => {
      await record(request);
      return HttpResponse.json([]);
    }),
  ];
}

async function* chunks(): AsyncIterable<Uint8Array> {
  yield Buffer.from('hello ');
  yield Buffer.from('supabase');
}

describe('Supabase Storage', () => {
  it('streams an upsert to the bucket and answers the public URL', async () => {
    const seen: Seen[] = [];
    server.use(...storageApi(seen));
    const stored = await createStorage(env, options).put({
      publicId: 'alfie/b1/o1/slide-0',
      body: chunks(),
      contentType: 'image/png',
      resourceType: 'image',
      tags: [],
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: '/storage/v1/object/assets/alfie/b1/o1/slide-0.png',
    });
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(seen[0]!.headers.get('x-upsert')).toBe('true');
    expect(seen[0]!.headers.get('content-type')).toBe('image/png');
    expect(seen[0]!.body.toString()).toBe('hello supabase');
    expect(stored).toEqual({
      url: `${SUPABASE_URL}/storage/v1/object/public/assets/alfie/b1/o1/slide-0.png`,
      publicId: 'alfie/b1/o1/slide-0',
      bytes: 14,
    });
  });

  it('signs URLs for a private bucket and stores the video poster', async () => {
    const seen: Seen[] = [];
    server.use(...storageApi(seen));
    const stored = await createStorage({ ...env, SUPABASE_STORAGE_SIGNED_URL_TTL: '3600' }, options).put({
      publicId: 'alfie/b1/o1/video-1',
      body: Buffer.from('webm'),
      contentType: 'video/webm',
      resourceType: 'video',
      tags: [],
      poster: { body: Buffer.from('png'), contentType: 'image/png' },
    });
    const sign = seen.find((s) => s.path.includes('/object/sign/'))!;
    expect(JSON.parse(sign.body.toString())).toEqual({ expiresIn: 3600 });
    expect(stored.url).toBe(
      `${SUPABASE_URL}/storage/v1/object/sign/assets/alfie/b1/o1/video-1.webm?token=signed-token`,
    );
    expect(stored.thumbnailUrl).toBe(
      `${SUPABASE_URL}/storage/v1/object/sign/assets/alfie/b1/o1/video-1-poster.png?token=signed-token`,
    );
  });

  it('removes every name an id can have', async () => {
    const seen: Seen[] = [];
    server.use(...storageApi(seen));
    await createStorage(env, options).delete(['alfie/b1/o1/slide-0']);
    const { prefixes } = JSON.parse(seen[0]!.body.toString());
    expect(prefixes).toEqual(expect.arrayContaining(['alfie/b1/o1/slide-0.png', 'alfie/b1/o1/slide-0.webm']));
  });

  it('reports a 500 as retryable', async () => {
    server.use(
      http.post(`${SUPABASE_URL}/storage/v1/object/*`, () =>
        HttpResponse.json({ statusCode: '500', error: 'Internal', message: 'boom' }, { status: 500 }),
      ),
    );
    await expect(
      createStorage(env, options).put({
        publicId: 'a/b',
        body: Buffer.from('x'),
        contentType: 'image/png',
        resourceType: 'image',
        tags: [],
      }),
    ).rejects.toMatchObject({ retryable: true });
  });

  it('needs its settings', () => {
    expect(() => createStorage({ STORAGE: 'supabase' }, options)).toThrow(ConfigError);
    expect(() => createStorage({ STORAGE: 'supabase', SUPABASE_URL }, options)).toThrow(
      /^SUPABASE_SERVICE_ROLE_KEY is required/,
    );
  });
});
