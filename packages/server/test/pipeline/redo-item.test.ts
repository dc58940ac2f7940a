import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrderDetail, Quota } from '@alfie/core/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { readJob, waitFor } from './fixtures.js';
import { createTestEngines } from './test-engines.js';

/**
 * POST /v1/orders/:id/items/:slide/redo with the real worker: one slide drawn again in its place,
 * one more image charged, the rest untouched; refusals change nothing.
 */
describe.each(['postgres', 'pglite'] as const)('redo one slide on %s', (kind) => {
  let t: TestApp;
  let dir: string;
  let worker: WorkerHandle;
  let alice: TestUser;
  let brandId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alfie-redo-'));
    t = await createTestApp(kind, { dataDir: dir });
    worker = await startWorker({
      db: t.db,
      engines: createTestEngines({ latencyMs: 30 }),
      storage: createLocalStorage({ dataDir: dir, publicUrl: 'http://alfie.test' }),
      pollIntervalMs: 50,
    });
    alice = await t.createUser();
    brandId = String((await t.createBrand(alice.userId)).id);
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async <T>(path: string, user = alice) =>
    (await (await t.request(path, { headers: user.headers })).json()) as T;
  const redo = (orderId: string, slide: number | string, user = alice) =>
    t.request(`/v1/orders/${orderId}/items/${slide}/redo`, { method: 'POST', headers: user.headers });
  const ended = async (orderId: string) =>
    ['completed', 'partial', 'failed'].includes((await get<OrderDetail>(`/v1/orders/${orderId}`)).status);

  async function order(json: Record<string, unknown>) {
    const res = await t.request('/v1/generate', { headers: alice.headers, json: { brandId, ...json } });
    const { orderId } = (await res.json()) as { orderId: string };
    await waitFor(() => ended(orderId), 15_000);
    return orderId;
  }

  it('redraws slide 2 only, in its place, charged one image', async () => {
    const orderId = await order({ format: 'carousel', count: 3, topic: 'Redo me' });
    const before = await get<OrderDetail>(`/v1/orders/${orderId}`);
    const usedBefore = (await get<Quota>(`/v1/quotas/${brandId}`)).used.images;

    const res = await redo(orderId, 2);
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ orderId, slide: 2 });
    await waitFor(() => ended(orderId), 15_000);

    const after = await get<OrderDetail>(`/v1/orders/${orderId}`);
    expect(after.status).toBe('completed');
    expect(after.assets.map((a) => a.slideIndex)).toEqual([0, 1, 2]);
    expect(after.assets[0]!.id).toBe(before.assets[0]!.id);
    expect(after.assets[2]!.id).toBe(before.assets[2]!.id);
    expect(after.assets[1]!.id).not.toBe(before.assets[1]!.id);
    expect(after.assets[1]!.url).not.toBe(before.assets[1]!.url); // a new file: no stale browser cache
    const quota = await get<Quota>(`/v1/quotas/${brandId}`);
    expect(quota.used.images).toBe(usedBefore + 1);
    expect(quota.reserved.images).toBe(0);
    expect((await readJob(t.db, after.job!.id)).status).toBe('completed');
  });

  it('refuses what it cannot redo, and changes nothing', async () => {
    const orderId = await order({ format: 'carousel', count: 2, topic: 'Keep me' });
    const before = await get<OrderDetail>(`/v1/orders/${orderId}`);
    const bob = await t.createUser();
    expect((await redo(orderId, 1, bob)).status).toBe(404);
    expect((await redo(orderId, 3)).status).toBe(400);
    expect((await redo(orderId, 0)).status).toBe(400);
    expect((await redo(orderId, 'x')).status).toBe(400);
    const video = await order({ format: 'video', duration: 4, topic: 'A clip' });
    expect((await redo(video, 1)).status).toBe(409);

    // No image left this month: 402, and the slide keeps its asset.
    await t.db.query(
      `update counters_monthly set images_used = (select quota_images from plans where name = 'starter') where brand_id = $1`,
      [brandId],
    );
    const refused = await redo(orderId, 1);
    expect(refused.status).toBe(402);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('QUOTA_EXCEEDED');
    expect(await get<OrderDetail>(`/v1/orders/${orderId}`)).toMatchObject({
      status: 'completed',
      assets: before.assets,
    });
  });
});
