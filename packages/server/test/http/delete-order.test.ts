import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { settleOrder } from '../../src/quota/release.js';
import { CHARGE_ORDER } from '../../src/sql/quota/charge-order.js';
import { createLocalStorage, createStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/types.js';
import { CLOUDINARY_URL, type CloudinaryDelete, cloudinaryDeleteHandler } from '../engines/msw-cloudinary.js';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { TEST_DB_KINDS } from '../helpers/db.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/**
 * DELETE /v1/orders/:id on real PostgreSQL (and PGlite): files through the configured storage
 * first, then the order's rows; ended orders only; other users' orders are 404; no quota refund.
 */
describe.each(TEST_DB_KINDS)('DELETE /v1/orders/:id on %s', (kind) => {
  let t: TestApp;
  let dataDir: string;
  let alice: TestUser;
  let brandId: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'alfie-delete-'));
    t = await createTestApp(kind, { dataDir });
    alice = await t.createUser();
    brandId = String((await t.createBrand(alice.userId)).id);
  });
  afterAll(async () => {
    await t.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const png = () => Buffer.from('89504e470d0a1a0a', 'hex');

  async function order(json: Record<string, unknown>, user = alice, brand = brandId) {
    const res = await t.request('/v1/generate', { headers: user.headers, json: { brandId: brand, ...json } });
    expect(res.status).toBe(202);
    return ((await res.json()) as { orderId: string }).orderId;
  }

  /**
   * Delivers every item as the worker does (files in `storage`, asset rows, quota charged), then
   * ends the order `completed` and settles it. Returns the stored public ids.
   */
  async function deliverAll(orderId: string, storage: Storage | null, user = alice, brand = brandId) {
    const items = await t.db.query<{ id: string; sequence_number: number; type: string }>(
      'select id, sequence_number, type from order_items where order_id = $1 order by sequence_number',
      [orderId],
    );
    const ids: string[] = [];
    for (const item of items.rows) {
      const video = item.type === 'video';
      const publicId = `alfie/${brand}/${orderId}/${video ? 'video-1' : `slide-${item.sequence_number}`}`;
      let url = `https://res.cloudinary.com/demo-cloud/image/upload/${publicId}.png`;
      if (storage) {
        const stored = await storage.put({
          publicId,
          body: png(),
          contentType: video ? 'video/webm' : 'image/png',
          resourceType: video ? 'video' : 'image',
          tags: [],
          poster: video ? { body: png(), contentType: 'image/png' } : undefined,
        });
        url = stored.url;
      }
      ids.push(publicId);
      await t.db.query(`update order_items set status = 'completed' where id = $1`, [item.id]);
      if (video) {
        await t.db.query(
          `insert into media_generations (user_id, brand_id, order_id, order_item_id, type, output_url, public_id, woofs, duration_seconds)
           values ($1, $2, $3, $4, 'video', $5, $6, 1, 8)`,
          [user.userId, brand, orderId, item.id, url, publicId],
        );
        await t.db.query(CHARGE_ORDER, [orderId, 0, 1, 1]);
      } else {
        await t.db.query(
          `insert into library_assets (user_id, brand_id, order_id, order_item_id, type, cloudinary_url, cloudinary_public_id, slide_index, mime_type)
           values ($1, $2, $3, $4, 'carousel_slide', $5, $6, $7, 'image/png')`,
          [user.userId, brand, orderId, item.id, url, publicId, item.sequence_number],
        );
        await t.db.query(CHARGE_ORDER, [orderId, 1, 0, 0]);
      }
    }
    await t.db.transaction(async (tx) => {
      await tx.query(`update orders set status = 'completed', completed_at = now() where id = $1`, [orderId]);
      await settleOrder(tx, orderId);
    });
    return ids;
  }

  async function counters(brand = brandId) {
    const { rows } = await t.db.query<Record<string, number>>(
      'select images_used, images_reserved, reels_used, reels_reserved, woofs_used, woofs_reserved from counters_monthly where brand_id = $1',
      [brand],
    );
    return rows[0];
  }

  async function rowsOf(orderId: string) {
    const { rows } = await t.db.query<Record<string, number>>(
      `select (select count(*) from orders where id = $1) as orders,
         (select count(*) from order_items where order_id = $1) as items,
         (select count(*) from job_queue where order_id = $1) as jobs,
         (select count(*) from library_assets where order_id = $1) as assets,
         (select count(*) from media_generations where order_id = $1) as videos,
         (select count(*) from order_events where order_id = $1) as events`,
      [orderId],
    );
    return rows[0]!;
  }

  it('is published in /openapi.json, next to the locale of GenerateRequest', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    expect(doc.paths['/v1/orders/{id}'].delete.summary).toMatch(/Delete/);
    expect(doc.components.schemas.GenerateRequest.properties.locale).toEqual({
      type: 'string',
      enum: ['fr', 'en'],
    });
  });

  describe('with local storage', () => {
    const files = (orderId: string) => join(dataDir, 'files', 'alfie', brandId, orderId);

    it('removes the files from disk and the rows, and keeps the charged quota', async () => {
      const storage = createLocalStorage({ dataDir, publicUrl: 'http://alfie.test' });
      const orderId = await order({ format: 'carousel', count: 3, topic: 'to delete' });
      await deliverAll(orderId, storage);
      const paths = [0, 1, 2].map((i) => join(files(orderId), `slide-${i}.png`));
      expect(paths.every((path) => existsSync(path))).toBe(true);
      const before = await counters();
      expect(before).toMatchObject({ images_used: 3, images_reserved: 0 });

      const res = await t.request(`/v1/orders/${orderId}`, { method: 'DELETE', headers: alice.headers });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ orderId, deletedAssets: 3 });
      expect(paths.some((path) => existsSync(path))).toBe(false);
      expect(await rowsOf(orderId)).toEqual({
        orders: 0,
        items: 0,
        jobs: 0,
        assets: 0,
        videos: 0,
        events: 0,
      });
      // Delivered work stays charged: deleting files does not give the generation back.
      expect(await counters()).toEqual(before);
      const again = await t.request(`/v1/orders/${orderId}`, { method: 'DELETE', headers: alice.headers });
      expect(again.status).toBe(404);
    });

    it('removes a video and its poster', async () => {
      const storage = createLocalStorage({ dataDir, publicUrl: 'http://alfie.test' });
      const orderId = await order({ format: 'video', topic: 'a wave', duration: 8 });
      await deliverAll(orderId, storage);
      const video = join(files(orderId), 'video-1.webm');
      const poster = join(files(orderId), 'video-1-poster.png');
      expect([existsSync(video), existsSync(poster)]).toEqual([true, true]);
      const res = await t.request(`/v1/orders/${orderId}`, { method: 'DELETE', headers: alice.headers });
      expect(await res.json()).toEqual({ orderId, deletedAssets: 1 });
      expect([existsSync(video), existsSync(poster)]).toEqual([false, false]);
      expect((await rowsOf(orderId)).videos).toBe(0);
    });

    it('refuses an order still running with 409 (cancel first), then deletes it once canceled', async () => {
      const orderId = await order({ format: 'image', count: 2, topic: 'still pending' });
      const reserved = Number((await counters())!.images_reserved);
      const refused = await t.request(`/v1/orders/${orderId}`, { method: 'DELETE', headers: alice.headers });
      expect(refused.status).toBe(409);
      const { error } = await refused.json();
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/cancel/);
      expect((await rowsOf(orderId)).orders).toBe(1);

      const cancel = await t.request(`/v1/orders/${orderId}/cancel`, {
        method: 'POST',
        headers: alice.headers,
      });
      expect(cancel.status).toBe(200);
      expect((await counters())!.images_reserved).toBe(reserved - 2);
      const res = await t.request(`/v1/orders/${orderId}`, { method: 'DELETE', headers: alice.headers });
      expect(await res.json()).toEqual({ orderId, deletedAssets: 0 });
      expect((await rowsOf(orderId)).orders).toBe(0);
    });

    it('answers 404 for another user’s order and a brand-restricted token outside it, and deletes nothing', async () => {
      const storage = createLocalStorage({ dataDir, publicUrl: 'http://alfie.test' });
      const orderId = await order({ format: 'carousel', count: 2, topic: 'mine' });
      await deliverAll(orderId, storage);
      const bob = await t.createUser();
      const restricted = await t.createUser({ brandIds: [String((await t.createBrand(alice.userId)).id)] });
      for (const headers of [bob.headers, restricted.headers]) {
        const res = await t.request(`/v1/orders/${orderId}`, { method: 'DELETE', headers });
        expect(res.status).toBe(404);
        expect((await res.json()).error.code).toBe('NOT_FOUND');
      }
      expect(existsSync(join(files(orderId), 'slide-0.png'))).toBe(true);
      expect((await rowsOf(orderId)).assets).toBe(2);
      const malformed = await t.request('/v1/orders/not-a-uuid', {
        method: 'DELETE',
        headers: alice.headers,
      });
      expect(malformed.status).toBe(404);
      const anonymous = await t.request(`/v1/orders/${orderId}`, { method: 'DELETE' });
      expect(anonymous.status).toBe(401);
    });
  });

  describe('with Cloudinary storage (msw)', () => {
    let deletes: CloudinaryDelete[];
    let app: ReturnType<typeof createApp>;
    beforeEach(() => {
      deletes = [];
      server.use(cloudinaryDeleteHandler(deletes));
      const storage = createStorage(
        { STORAGE: 'cloudinary', CLOUDINARY_URL },
        { dataDir, publicUrl: 'http://alfie.test' },
      );
      app = createApp({ ...t.deps, storage });
    });
    const remove = (orderId: string) =>
      app.request(`/v1/orders/${orderId}`, { method: 'DELETE', headers: alice.headers });

    it('destroys the slides through the Admin API, with Basic auth, before deleting the rows', async () => {
      const orderId = await order({ format: 'carousel', count: 2, topic: 'on cloudinary' });
      const ids = await deliverAll(orderId, null);
      const res = await remove(orderId);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ orderId, deletedAssets: 2 });
      const basic = `Basic ${Buffer.from('123456789012345:test-secret-abc').toString('base64')}`;
      // The storage does not know each id's resource type, so it asks both.
      expect(deletes.map((d) => [d.url.pathname, d.authorization, [...d.publicIds].sort()])).toEqual([
        ['/v1_1/demo-cloud/resources/image/upload', basic, ids],
        ['/v1_1/demo-cloud/resources/video/upload', basic, ids],
      ]);
      expect((await rowsOf(orderId)).orders).toBe(0);
    });

    it('destroys a video and its poster', async () => {
      const orderId = await order({ format: 'video', topic: 'a reel', duration: 8 });
      const [id] = await deliverAll(orderId, null);
      await remove(orderId);
      expect(deletes.map((d) => [...d.publicIds].sort())).toEqual([
        [id, `${id}-poster`],
        [id, `${id}-poster`],
      ]);
    });

    it('keeps the rows when Cloudinary fails, so the deletion can be retried', async () => {
      const orderId = await order({ format: 'carousel', count: 2, topic: 'cloudinary down' });
      await deliverAll(orderId, null);
      server.resetHandlers();
      const { http, HttpResponse } = await import('msw');
      server.use(
        http.delete('https://api.cloudinary.com/v1_1/:cloud/resources/:type/upload', () =>
          HttpResponse.json({ error: { message: 'Server error' } }, { status: 500 }),
        ),
      );
      const res = await remove(orderId);
      expect(res.status).toBe(500);
      expect((await res.json()).error.code).toBe('INTERNAL');
      expect(await rowsOf(orderId)).toMatchObject({ orders: 1, assets: 2 });
      server.resetHandlers();
      server.use(cloudinaryDeleteHandler(deletes));
      expect((await remove(orderId)).status).toBe(200);
      expect((await rowsOf(orderId)).orders).toBe(0);
    });
  });
});
