import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngines } from '../../src/engines/index.js';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createOrder, readCounters, readJob, readOrder, seedBrand, waitFor } from './fixtures.js';

const TERMINAL = ['completed', 'partial', 'failed', 'canceled'];

/** The local engine's fault switch (LOCAL_ENGINE_FAULTS) driving the real worker and quotas. */
describe.each(['postgres', 'pglite'] as const)('local engine fault switch on %s', (kind) => {
  let db: TestDb;
  let dataDir: string;
  let worker: WorkerHandle | null = null;

  beforeEach(async () => {
    db = await createTestDb(kind);
    dataDir = mkdtempSync(join(tmpdir(), 'alfie-faults-'));
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>, backoffBaseMs = 100) {
    worker = await startWorker({
      db,
      engines: createEngines(env),
      storage: createLocalStorage({ dataDir, publicUrl: 'http://localhost:1' }),
      backoffBaseMs,
      pollIntervalMs: 100,
      cancelCheckMs: 50,
    });
  }

  const ended = (orderId: string) =>
    waitFor(async () => {
      const order = await readOrder(db, orderId);
      return TERMINAL.includes(order.status) && order;
    }, 60_000);

  const itemErrors = async (orderId: string) =>
    (
      await db.query<{ status: string; error: string | null }>(
        'select status, error from order_items where order_id = $1 order by sequence_number',
        [orderId],
      )
    ).rows;

  it('retryable faults are retried with 2^attempts × base backoff, then fail; nothing is charged', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { orderId, jobId } = await createOrder(db, { userId, brandId, format: 'carousel', count: 3 });
    await start({ LOCAL_ENGINE_FAULTS: 'retryable=1' }, 300);
    // After the first run: queued again, due 2^1 × 300 ms after the failure was written.
    const requeued = await waitFor(async () => {
      const job = await readJob(db, jobId);
      return job.status === 'queued' && job.attempts === 1 && job;
    });
    const delay = requeued.run_after.getTime() - requeued.updated_at.getTime();
    expect(delay).toBeGreaterThanOrEqual(590);
    expect(delay).toBeLessThan(700);
    expect(requeued.last_error).toMatch(/^PROVIDER_UNAVAILABLE: /);
    const order = await ended(orderId);
    expect(order).toMatchObject({ status: 'failed', charged_images: 0 });
    // The job row is written just after the order ends.
    await waitFor(async () => (await readJob(db, jobId)).status === 'failed');
    expect((await readJob(db, jobId)).attempts).toBe(3);
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 0, images_reserved: 0 });
    for (const item of await itemErrors(orderId)) {
      expect(item.status).toBe('failed');
      expect(item.error).toMatch(/^PROVIDER_UNAVAILABLE: The image provider is temporarily unavailable/);
      expect(item.error).not.toMatch(/fault switch|\//);
    }
  });

  it('permanent faults fail the item at once with a safe message, never retried, never charged', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { orderId, jobId } = await createOrder(db, { userId, brandId, format: 'image', count: 2 });
    await start({ LOCAL_ENGINE_FAULTS: 'permanent=1' });
    expect(await ended(orderId)).toMatchObject({ status: 'failed', charged_images: 0 });
    await waitFor(async () => (await readJob(db, jobId)).status === 'failed');
    expect((await readJob(db, jobId)).attempts).toBe(1);
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 0, images_reserved: 0 });
    const items = await itemErrors(orderId);
    expect(items.map((i) => i.error)).toEqual([
      expect.stringMatching(/^SAFETY_BLOCK: The image provider refused this request/),
      expect.stringMatching(/^SAFETY_BLOCK: /),
    ]);
  });

  it('a hung render times out as a retryable TIMEOUT', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { jobId } = await createOrder(db, { userId, brandId, format: 'image', count: 1 });
    await start({ LOCAL_ENGINE_FAULTS: 'hang=1', LOCAL_ENGINE_HANG_MS: '300' }, 60_000);
    const job = await waitFor(async () => {
      const j = await readJob(db, jobId);
      return j.status === 'queued' && j.attempts === 1 && j;
    });
    expect(job.last_error).toMatch(/^TIMEOUT: /);
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 0, images_reserved: 1 });
  });

  it('with a share of faults, exactly the delivered slides are charged and the rest released', async () => {
    const { userId, brandId } = await seedBrand(db, 'pro');
    const orders = [];
    for (let i = 0; i < 3; i++) {
      orders.push(await createOrder(db, { userId, brandId, format: 'carousel', count: 3, maxAttempts: 2 }));
    }
    await start({ LOCAL_ENGINE_FAULTS: 'retryable=0.3,permanent=0.2' }, 20);
    let delivered = 0;
    for (const { orderId } of orders) {
      const order = await ended(orderId);
      const assets = await db.query<{ n: number }>(
        'select count(*)::int as n from library_assets where order_id = $1',
        [orderId],
      );
      expect(order.charged_images).toBe(assets.rows[0]!.n);
      expect(['completed', 'partial', 'failed']).toContain(order.status);
      delivered += assets.rows[0]!.n;
    }
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: delivered, images_reserved: 0 });
  });

  it('LOCAL_ENGINE_FAULTS with a wrong value is one clear configuration error', () => {
    expect(() => createEngines({ LOCAL_ENGINE_FAULTS: 'sometimes=0.5' })).toThrow(
      /LOCAL_ENGINE_FAULTS must list/,
    );
    expect(() => createEngines({ LOCAL_ENGINE_FAULTS: 'retryable=0.7,permanent=0.6' })).toThrow(
      /add up to more than 1/,
    );
  });
});
