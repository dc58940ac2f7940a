import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesRoutes } from '../../src/http/routes/files.js';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { waitFor } from '../pipeline/fixtures.js';
import { localEngines } from './local-engines.js';

/**
 * Files kept on another server (as Cloudinary or Supabase keep them): the download routes fetch
 * them from their URL and stream them on. The "remote" storage is a real HTTP server on loopback.
 */
describe('downloads of files stored on another server (PGlite)', { timeout: 60_000 }, () => {
  let t: TestApp;
  let user: TestUser;
  let worker: WorkerHandle;
  let remote: ReturnType<typeof serve>;
  let remoteDir: string;
  let order: { id: string; assets: Array<{ id: string; url: string }> };

  beforeAll(async () => {
    remoteDir = mkdtempSync(join(tmpdir(), 'alfie-remote-files-'));
    const files = new Hono();
    files.route('/', filesRoutes({ dataDir: remoteDir }));
    remote = serve({ fetch: files.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => remote.once('listening', resolve));
    const remoteUrl = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
    t = await createTestApp('pglite');
    user = await t.createUser();
    const brandId = String((await t.createBrand(user.userId, { name: 'Atelier' })).id);
    worker = await startWorker({
      db: t.db,
      engines: localEngines(),
      storage: createLocalStorage({ dataDir: remoteDir, publicUrl: remoteUrl }),
      pollIntervalMs: 50,
    });
    const res = await t.request('/v1/generate', {
      headers: user.headers,
      json: { format: 'carousel', count: 2, topic: 'Ailleurs', brandId, locale: 'fr' },
    });
    const { orderId } = await res.json();
    order = await waitFor(async () => {
      const detail = await (await t.request(`/v1/orders/${orderId}`, { headers: user.headers })).json();
      return detail.status === 'completed' && detail;
    }, 30_000);
    expect(order.assets[0]!.url.startsWith(remoteUrl)).toBe(true);
  });
  afterAll(async () => {
    await worker.stop();
    remote.close();
    await t.drop();
    rmSync(remoteDir, { recursive: true, force: true });
  });

  const localPath = (url: string) =>
    join(remoteDir, 'files', decodeURIComponent(new URL(url).pathname.slice(7)));

  it('streams a remote file and a ZIP of remote files', async () => {
    const asset = order.assets[0]!;
    const one = await t.request(`/v1/orders/${order.id}/assets/${asset.id}/download`, {
      headers: user.headers,
    });
    expect(one.status).toBe(200);
    expect(Buffer.from(await one.arrayBuffer()).equals(await readFile(localPath(asset.url)))).toBe(true);
    const zip = await t.request(`/v1/orders/${order.id}/download/zip`, { headers: user.headers });
    expect(zip.status).toBe(200);
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.toString('latin1')).toContain('Atelier - Ailleurs - slide 2.png');
  });

  it('answers NOT_FOUND when the storage no longer has the file', async () => {
    const asset = order.assets[1]!;
    await rm(localPath(asset.url));
    const res = await t.request(`/v1/orders/${order.id}/assets/${asset.id}/download`, {
      headers: user.headers,
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'The stored file is no longer available' },
    });
  });

  it('lists the three download routes in OpenAPI, as binary attachments', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    const zip = doc.paths['/v1/orders/{id}/download/zip'].get.responses['200'];
    expect(Object.keys(zip.content)).toEqual(['application/zip']);
    expect(zip.headers['Content-Disposition']).toBeDefined();
    expect(Object.keys(doc.paths['/v1/orders/{id}/download/pdf'].get.responses['200'].content)).toEqual([
      'application/pdf',
    ]);
    expect(
      doc.paths['/v1/orders/{id}/assets/{assetId}/download'].get.parameters.map(
        (p: { name: string }) => p.name,
      ),
    ).toEqual(['id', 'assetId']);
  });
});
