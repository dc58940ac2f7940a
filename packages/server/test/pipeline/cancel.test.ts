import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { readCounters, readJob, readOrder, waitFor } from './fixtures.js';
import { createTestEngines } from './test-engines.js';

/** The real cancel route against a running worker, API and worker sharing one database. */
describe.each(['postgres', 'pglite'] as const)(
  'POST /v1/orders/:id/cancel while the worker runs, on %s',
  (kind) => {
    let t: TestApp;
    let dir: string;
    let worker: WorkerHandle;

    beforeEach(async () => {
      t = await createTestApp(kind);
      dir = mkdtempSync(join(tmpdir(), 'alfie-cancel-'));
    });
    afterEach(async () => {
      await worker?.stop();
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('stops the rendering, keeps what was delivered, releases the rest of the quota', async () => {
      const user = await t.createUser();
      const brand = await t.createBrand(user.userId);
      const engines = createTestEngines({ latencyMs: 250 });
      worker = await startWorker({
        db: t.db,
        engines,
        storage: createLocalStorage({ dataDir: dir, publicUrl: 'http://alfie.test' }),
        itemConcurrency: 2,
        cancelCheckMs: 50,
      });
      const res = await t.request('/v1/generate', {
        headers: user.headers,
        json: { format: 'carousel', count: 8, topic: 'Cancel me', brandId: brand.id },
      });
      expect(res.status).toBe(202);
      const { orderId, jobId } = (await res.json()) as { orderId: string; jobId: string };
      await waitFor(async () => (await readOrder(t.db, orderId)).charged_images >= 1, 15_000);

      const cancel = await t.request(`/v1/orders/${orderId}/cancel`, {
        method: 'POST',
        headers: user.headers,
      });
      expect(cancel.status).toBe(200);
      const callsAtCancel = engines.calls.length;
      await waitFor(
        async () => ['canceled', 'completed'].includes((await readJob(t.db, jobId)).status),
        10_000,
      );
      await new Promise((r) => setTimeout(r, 400)); // a render that ignored the cancel would land now

      const order = await readOrder(t.db, orderId);
      expect(order.status).toBe('canceled');
      expect(order.charged_images).toBeGreaterThanOrEqual(1);
      expect(order.charged_images).toBeLessThan(8);
      const assets = await t.db.query<{ n: number }>(
        'select count(*)::int as n from library_assets where order_id = $1',
        [orderId],
      );
      expect(assets.rows[0]!.n).toBe(order.charged_images);
      // A slide whose upload finished after the cancel left no file behind.
      const folder = join(dir, 'files', 'alfie', brand.id as string, orderId);
      const files = existsSync(folder) ? readdirSync(folder).filter((f) => !f.endsWith('.part')) : [];
      expect(files).toHaveLength(order.charged_images);
      const brandId = brand.id as string;
      expect(await readCounters(t.db, brandId)).toMatchObject({
        images_used: order.charged_images,
        images_reserved: 0,
      });
      // No slide was started after the cancel was seen.
      expect(engines.calls.length).toBeLessThanOrEqual(callsAtCancel + 2);
      const last = await t.db.query<{ type: string }>(
        'select type from order_events where order_id = $1 order by id desc limit 1',
        [orderId],
      );
      expect(last.rows[0]!.type).toBe('end');
    }, 40_000);
  },
);
