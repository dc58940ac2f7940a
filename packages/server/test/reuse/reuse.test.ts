import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngines } from '../../src/engines/index.js';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { TEST_DB_KINDS } from '../helpers/db.js';
import { waitFor } from '../pipeline/fixtures.js';

const TERMINAL = ['completed', 'partial', 'failed', 'canceled'];

describe.each(TEST_DB_KINDS)('reuse of similar generations on %s', (kind) => {
  let t: TestApp;
  let alice: TestUser;
  let brandId: string;
  let dataDir: string;
  let worker: WorkerHandle;
  let original: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'alfie-reuse-'));
    // The API deletes files from the storage the worker wrote them to.
    t = await createTestApp(kind, { dataDir });
    worker = await startWorker({
      db: t.db,
      engines: createEngines({ ENGINE_IMAGES: 'local', ENGINE_VIDEO: 'local', ENGINE_PLANNER: 'local' }),
      storage: createLocalStorage({ dataDir, publicUrl: t.config.publicUrl }),
      pollIntervalMs: 100,
    });
    alice = await t.createUser();
    brandId = String((await t.createBrand(alice.userId)).id);
    const first = await generate({ format: 'carousel', count: 3, topic: 'Tendances marketing 2025' });
    expect(first.status).toBe(202);
    original = first.body.orderId;
    expect(await ended(original)).toBe('completed');
  });
  afterAll(async () => {
    await worker.stop();
    await t.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function generate(json: Record<string, unknown>, user = alice) {
    const res = await t.request('/v1/generate', { headers: user.headers, json: { brandId, ...json } });
    return { status: res.status, body: await res.json() };
  }
  const ended = (orderId: string) =>
    waitFor(async () => {
      const { rows } = await t.db.query<{ status: string }>('select status from orders where id = $1', [
        orderId,
      ]);
      return TERMINAL.includes(rows[0]!.status) && rows[0]!.status;
    }, 30_000);
  const counters = async () =>
    (
      await t.db.query<{ images_used: number; images_reserved: number }>(
        'select images_used, images_reserved from counters_monthly where brand_id = $1',
        [brandId],
      )
    ).rows[0]!;
  const orderCount = async () =>
    Number((await t.db.query<{ n: number }>('select count(*)::int as n from orders')).rows[0]!.n);

  it('a repeated request, spelled differently, is reused at once, free, marked with its original', async () => {
    const before = await counters();
    expect(before.images_used).toBe(3);
    const { status, body } = await generate({
      format: 'carousel',
      count: 3,
      topic: '  TENDANCES marketing, 2025 !',
      reuse: 'auto',
    });
    expect(status).toBe(201);
    expect(body).toEqual({ orderId: expect.any(String), jobId: null, reusedFromOrderId: original });

    const detail = await (await t.request(`/v1/orders/${body.orderId}`, { headers: alice.headers })).json();
    expect(detail).toMatchObject({
      status: 'completed',
      reusedFromOrderId: original,
      completedCount: 3,
      job: null,
    });
    const source = await (await t.request(`/v1/orders/${original}`, { headers: alice.headers })).json();
    expect(detail.assets.map((a: { url: string }) => a.url)).toEqual(
      source.assets.map((a: { url: string }) => a.url),
    );
    // Costs nothing: no reservation, no charge, the counters untouched; no job to run.
    const { rows } = await t.db.query(
      'select reserved_images, charged_images, settled_at from orders where id = $1',
      [body.orderId],
    );
    expect(rows[0]).toMatchObject({ reserved_images: 0, charged_images: 0 });
    expect(rows[0]!.settled_at).not.toBeNull();
    expect(await counters()).toEqual(before);
    const jobs = await t.db.query('select id from job_queue where order_id = $1', [body.orderId]);
    expect(jobs.rows).toHaveLength(0);
    // Watchers learn it ended like any order.
    const events = await t.db.query<{ type: string }>(
      'select type from order_events where order_id = $1 order by id',
      [body.orderId],
    );
    expect(events.rows.map((e) => e.type)).toEqual(['status', 'end']);
    // The library lists it, marked as reused.
    const library = await (
      await t.request(`/v1/library?orderId=${body.orderId}`, { headers: alice.headers })
    ).json();
    expect(library.data[0]).toMatchObject({ orderId: body.orderId, reusedFromOrderId: original });
    expect(library.data[0].assets).toHaveLength(3);
  });

  it('a near-repeated request is offered the match; nothing is created', async () => {
    const before = await orderCount();
    const { status, body } = await generate({
      format: 'carousel',
      count: 3,
      topic: 'Les tendances du marketing en 2025',
      reuse: 'offer',
    });
    expect(status).toBe(200);
    expect(body.offer).toMatchObject({ orderId: original, format: 'carousel', ratio: '4:5' });
    expect(body.offer.similarity).toBeGreaterThanOrEqual(0.7);
    expect(body.offer.similarity).toBeLessThan(1);
    expect(body.offer.previewUrl).toMatch(/^http/);
    expect(await orderCount()).toBe(before);
    const match = await t.request('/v1/reuse/match', {
      headers: alice.headers,
      json: { brandId, format: 'carousel', count: 3, topic: 'tendances du marketing 2025' },
    });
    expect((await match.json()).match.orderId).toBe(original);
    // Accepting the offer reuses that very order.
    const accepted = await generate({
      format: 'carousel',
      count: 3,
      topic: 'tendances du marketing 2025',
      reuseOf: original,
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.reusedFromOrderId).toBe(original);
  });

  it('unrelated topics, another year, format, ratio, count or another user find nothing', async () => {
    const ask = async (json: Record<string, unknown>, user = alice) =>
      (
        await (
          await t.request('/v1/reuse/match', {
            headers: user.headers,
            json: { brandId, format: 'carousel', count: 3, ...json },
          })
        ).json()
      ).match;
    expect(await ask({ topic: 'Recette de cuisine italienne' })).toBeNull();
    expect(await ask({ topic: 'Tendances marketing 2024' })).toBeNull();
    expect(await ask({ topic: 'Tendances mode 2025' })).toBeNull();
    expect(await ask({ topic: 'Tendances marketing 2025', count: 5 })).toBeNull();
    expect(await ask({ topic: 'Tendances marketing 2025', ratio: '1:1' })).toBeNull();
    expect(await ask({ topic: 'Tendances marketing 2025', format: 'image', count: 1 })).toBeNull();
    const bob = await t.createUser();
    const res = await t.request('/v1/reuse/match', {
      headers: bob.headers,
      json: { brandId, format: 'carousel', count: 3, topic: 'Tendances marketing 2025' },
    });
    expect((await res.json()).match).toBeNull();
    // Never: a plain request renders, whatever matches.
    const fresh = await generate({ format: 'carousel', count: 3, topic: 'Tendances marketing 2025' });
    expect(fresh.status).toBe(202);
    expect(fresh.body.jobId).toEqual(expect.any(String));
    await ended(fresh.body.orderId);
  });

  it('a changed brand style stops matching, and an accepted offer then conflicts', async () => {
    const own = await t.createUser();
    const brand = String((await t.createBrand(own.userId, { name: 'Styled' })).id);
    const first = await t.request('/v1/generate', {
      headers: own.headers,
      json: { brandId: brand, format: 'image', topic: 'Lancement produit' },
    });
    const orderId = (await first.json()).orderId;
    await ended(orderId);
    const ask = { brandId: brand, format: 'image', topic: 'lancement produit' };
    const before = await (await t.request('/v1/reuse/match', { headers: own.headers, json: ask })).json();
    expect(before.match.orderId).toBe(orderId);
    const patched = await t.request(`/v1/brands/${brand}`, {
      method: 'PATCH',
      headers: { ...own.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ palette: ['#112233', '#FFAA00'] }),
    });
    expect(patched.status).toBe(200);
    const after = await (await t.request('/v1/reuse/match', { headers: own.headers, json: ask })).json();
    expect(after.match).toBeNull();
    const res = await t.request('/v1/generate', { headers: own.headers, json: { ...ask, reuseOf: orderId } });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('CONFLICT');
  });

  it('a video is reused with its file and poster, free of reels and Woofs', async () => {
    const own = await t.createUser();
    const brand = String((await t.createBrand(own.userId, { name: 'Video brand' })).id);
    const ask = { brandId: brand, format: 'video', duration: 4, topic: 'Une vague qui déferle' };
    const first = await t.request('/v1/generate', { headers: own.headers, json: ask });
    const original = (await first.json()).orderId as string;
    expect(await ended(original)).toBe('completed');
    const quota = async () =>
      (await (await t.request(`/v1/quotas/${brand}`, { headers: own.headers })).json()).used;
    const before = await quota();
    const res = await t.request('/v1/generate', { headers: own.headers, json: { ...ask, reuse: 'auto' } });
    expect(res.status).toBe(201);
    const { orderId } = await res.json();
    const [source, copy] = await Promise.all(
      [original, orderId].map(async (id) =>
        (await t.request(`/v1/orders/${id}`, { headers: own.headers })).json(),
      ),
    );
    expect(copy.assets).toHaveLength(1);
    expect(copy.assets[0]).toMatchObject({
      type: 'video',
      url: source.assets[0].url,
      thumbnailUrl: source.assets[0].thumbnailUrl,
      durationSeconds: 4,
    });
    expect(await quota()).toEqual(before);
    const woofs = await t.db.query('select woofs from media_generations where order_id = $1', [orderId]);
    expect(woofs.rows).toEqual([{ woofs: 0 }]);
  });

  it('/admin shows the reuse rate and renders saved; /metrics counts reuses', async () => {
    const key = await t.createApiKey();
    const res = await t.request('/admin/api/reuse-ab?range=24h', { headers: key.headers });
    expect(res.status).toBe(200);
    const { reuse } = await res.json();
    const orders = await orderCount();
    // Three reuses so far in this file: two carousels of three slides (auto, then an accepted
    // offer) and one video.
    expect(reuse).toEqual({ orders, reused: 3, rate: 3 / orders, rendersSaved: 7 });
    const metrics = await (await t.request('/metrics', { headers: key.headers })).text();
    expect(metrics).toMatch(/alfie_reuses_total\{type="carousel"\} 2/);
    expect(metrics).toMatch(/alfie_renders_saved_total\{type="carousel"\} 6/);
    expect(metrics).toMatch(/alfie_reuse_offers_total\{type="carousel"\} 1/);
    expect(metrics).toMatch(/alfie_reuses_total\{type="video"\} 1/);
  });

  it('deleting the original keeps the files its reuse still shows; deleting the last one removes them', async () => {
    const reused = await generate({
      format: 'carousel',
      count: 3,
      topic: 'tendances marketing 2025',
      reuse: 'auto',
    });
    expect(reused.status).toBe(201);
    const files = await t.db.query<{ cloudinary_public_id: string }>(
      'select cloudinary_public_id from library_assets where order_id = $1',
      [reused.body.orderId],
    );
    expect(files.rows).toHaveLength(3);
    const onDisk = () =>
      files.rows.map((f) => existsSync(join(dataDir, 'files', `${f.cloudinary_public_id}.png`)));
    expect(onDisk()).toEqual([true, true, true]);
    const del = await t.request(`/v1/orders/${reused.body.reusedFromOrderId}`, {
      method: 'DELETE',
      headers: alice.headers,
    });
    expect(del.status).toBe(200);
    expect((await del.json()).deletedAssets).toBe(0);
    expect(onDisk()).toEqual([true, true, true]);
    const { rows } = await t.db.query('select reused_from_order_id from orders where id = $1', [
      reused.body.orderId,
    ]);
    expect(rows[0]!.reused_from_order_id).toBeNull();
    const holders = await t.db.query<{ id: string }>(
      'select distinct order_id as id from library_assets where cloudinary_public_id = $1',
      [files.rows[0]!.cloudinary_public_id],
    );
    for (const holder of holders.rows) {
      const res = await t.request(`/v1/orders/${holder.id}`, { method: 'DELETE', headers: alice.headers });
      expect(res.status).toBe(200);
    }
    expect(onDisk()).toEqual([false, false, false]);
  });
});
