import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendOrderEnd } from '../../src/events/append.js';
import { settleOrder } from '../../src/quota/release.js';
import { createLocalStorage } from '../../src/storage/index.js';
import { recoverStuckJobs } from '../../src/worker/cleanup.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createOrder, readCounters, readJob, readOrder, seedBrand, waitFor } from './fixtures.js';
import { createTestEngines, type TestEngineOptions } from './test-engines.js';

const TERMINAL = ['completed', 'partial', 'failed', 'canceled'];

describe.each(['postgres', 'pglite'] as const)('pipeline worker on %s', (kind) => {
  let db: TestDb;
  let dataDir: string;
  let worker: WorkerHandle | null = null;

  beforeEach(async () => {
    db = await createTestDb(kind);
    dataDir = mkdtempSync(join(tmpdir(), 'alfie-worker-'));
  });
  afterEach(async () => {
    await worker?.stop();
    worker = null;
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(
    engineOptions: TestEngineOptions = {},
    extra: { backoffBaseMs?: number; itemConcurrency?: number; pollIntervalMs?: number } = {},
  ) {
    const engines = createTestEngines(engineOptions);
    worker = await startWorker({
      db,
      engines,
      storage: createLocalStorage({ dataDir, publicUrl: 'http://localhost:1' }),
      backoffBaseMs: extra.backoffBaseMs ?? 60_000,
      itemConcurrency: extra.itemConcurrency ?? 5,
      pollIntervalMs: extra.pollIntervalMs ?? 200,
      cancelCheckMs: 50,
    });
    return engines;
  }

  const orderEnded = (orderId: string) =>
    waitFor(async () => {
      const order = await readOrder(db, orderId);
      return TERMINAL.includes(order.status) && order;
    });

  it('delivers a 5-slide carousel: 5 assets, 5 images charged, reservation settled, events in order', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { orderId, jobId } = await createOrder(db, { userId, brandId, format: 'carousel', count: 5 });
    await start({ latencyMs: 20 });
    const order = await orderEnded(orderId);
    expect(order).toMatchObject({ status: 'completed', charged_images: 5, reserved_images: 5 });
    expect(order.settled_at).not.toBeNull();
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 5, images_reserved: 0 });
    await waitFor(async () => (await readJob(db, jobId)).status === 'completed');
    expect(await readJob(db, jobId)).toMatchObject({ status: 'completed', attempts: 1 });
    const assets = await db.query<{ slide_index: number; cloudinary_public_id: string; type: string }>(
      'select slide_index, cloudinary_public_id, type from library_assets where order_id = $1 order by slide_index',
      [orderId],
    );
    expect(assets.rows.map((a) => a.slide_index)).toEqual([0, 1, 2, 3, 4]);
    expect(assets.rows[3]!.cloudinary_public_id).toBe(`alfie/${brandId}/${orderId}/slide-3`);
    const events = await db.query<{ type: string; data: { asset?: { slideIndex: number } } }>(
      'select type, data from order_events where order_id = $1 order by id',
      [orderId],
    );
    const types = events.rows.map((e) => e.type);
    expect(types[0]).toBe('status');
    expect(types.filter((t) => t === 'asset')).toHaveLength(5);
    expect(types.slice(-2)).toEqual(['status', 'end']);
    expect(events.rows.at(-1)!.data).toMatchObject({
      status: 'completed',
      completedCount: 5,
      expectedTotal: 5,
    });
  });

  it('an idle worker starts a new job at once on NOTIFY, not at its next poll', async () => {
    const { userId, brandId } = await seedBrand(db);
    await start({}, { pollIntervalMs: 60_000 });
    await new Promise((r) => setTimeout(r, 200)); // idle: the startup claim found nothing
    const { orderId } = await createOrder(db, { userId, brandId, format: 'image' });
    const startedAt = Date.now();
    await waitFor(async () => (await readOrder(db, orderId)).status === 'completed', 5_000);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    const { rows } = await db.query<{ wait_ms: number }>(
      `select extract(epoch from (locked_at - created_at)) * 1000 as wait_ms from job_queue where order_id = $1`,
      [orderId],
    );
    // Claimed right after the commit (plus this loaded machine's scheduling), far below the 60 s poll.
    expect(Number(rows[0]!.wait_ms)).toBeLessThan(2_000);
  });

  it('a permanently failing slide leaves the order partial with exact quota', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { orderId, jobId } = await createOrder(db, { userId, brandId, format: 'carousel', count: 5 });
    const engines = await start({ failures: new Map([[2, { kind: 'permanent' }]]) });
    const order = await orderEnded(orderId);
    expect(order).toMatchObject({ status: 'partial', charged_images: 4 });
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 4, images_reserved: 0 });
    const items = await db.query<{ sequence_number: number; status: string; error: string | null }>(
      'select sequence_number, status, error from order_items where order_id = $1 order by sequence_number',
      [orderId],
    );
    expect(items.rows.map((i) => i.status)).toEqual([
      'completed',
      'completed',
      'failed',
      'completed',
      'completed',
    ]);
    expect(items.rows[2]!.error).toContain('SAFETY_BLOCK');
    // Permanent: failed at once, no retry.
    await waitFor(async () => (await readJob(db, jobId)).status === 'completed');
    expect((await readJob(db, jobId)).attempts).toBe(1);
    expect(engines.calls).toHaveLength(5);
  });

  it('a retried job redoes only the undelivered slide, after 2^attempts × base', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { orderId, jobId } = await createOrder(db, { userId, brandId, format: 'carousel', count: 4 });
    const engines = await start(
      { failures: new Map([[1, { kind: 'retryable', times: 1 }]]) },
      { backoffBaseMs: 100 },
    );
    const requeued = await waitFor(async () => {
      const job = await readJob(db, jobId);
      return job.status === 'queued' && job.attempts === 1 && job;
    });
    expect(requeued.run_after.getTime() - requeued.updated_at.getTime()).toBe(2 * 100);
    expect(requeued.last_error).toContain('PROVIDER_UNAVAILABLE');
    const order = await orderEnded(orderId);
    expect(order).toMatchObject({ status: 'completed', charged_images: 4 });
    expect((await readJob(db, jobId)).attempts).toBe(2);
    expect(engines.calls.filter((i) => i === 1)).toHaveLength(2);
    expect(engines.calls).toHaveLength(5);
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 4, images_reserved: 0 });
  });

  it('backoff follows 2^attempts × base, then fails the job with last_error and releases the quota', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { orderId, jobId } = await createOrder(db, {
      userId,
      brandId,
      format: 'image',
      count: 1,
      maxAttempts: 3,
    });
    await start({ failures: new Map([[0, { kind: 'retryable' }]]) }, { backoffBaseMs: 40 });
    const delays: number[] = [];
    for (const attempts of [1, 2]) {
      const job = await waitFor(async () => {
        const j = await readJob(db, jobId);
        return j.status === 'queued' && j.attempts === attempts && j;
      });
      delays.push(job.run_after.getTime() - job.updated_at.getTime());
    }
    expect(delays).toEqual([2 * 40, 4 * 40]);
    const order = await orderEnded(orderId);
    expect(order.status).toBe('failed');
    const job = await waitFor(async () => {
      const j = await readJob(db, jobId);
      return j.status === 'failed' && j;
    });
    expect(job.attempts).toBe(3);
    expect(job.last_error).toContain('PROVIDER_UNAVAILABLE');
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 0, images_reserved: 0 });
  });

  it('cancel while running stops the worker and releases the undelivered quota', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { orderId, jobId } = await createOrder(db, { userId, brandId, format: 'carousel', count: 6 });
    const engines = await start({ latencyMs: 300 }, { itemConcurrency: 2 });
    await waitFor(async () => (await readOrder(db, orderId)).charged_images >= 2);
    // What the cancel route does.
    await db.transaction(async (tx) => {
      await tx.query(`update orders set status = 'canceled', updated_at = now() where id = $1`, [orderId]);
      await tx.query(
        `update order_items set status = 'canceled' where order_id = $1 and status in ('pending', 'running')`,
        [orderId],
      );
      await settleOrder(tx, orderId);
      await appendOrderEnd(tx, orderId, 'canceled');
    });
    const job = await waitFor(async () => {
      const j = await readJob(db, jobId);
      return j.status === 'canceled' && j;
    });
    expect(job.status).toBe('canceled');
    const order = await readOrder(db, orderId);
    expect(order.status).toBe('canceled');
    const assets = await db.query<{ n: number }>(
      'select count(*)::int as n from library_assets where order_id = $1',
      [orderId],
    );
    expect(assets.rows[0]!.n).toBe(order.charged_images);
    expect(order.charged_images).toBeLessThan(6);
    expect(await readCounters(db, brandId)).toMatchObject({
      images_used: order.charged_images,
      images_reserved: 0,
    });
    // The two renders in flight were aborted; no new slide started after the cancel.
    expect(engines.calls.length).toBeLessThanOrEqual(order.charged_images + 2);
    // Settling again releases nothing.
    expect((await db.transaction((tx) => settleOrder(tx, orderId))).settled).toBe(false);
  });

  it('delivers a video: 1 reel and its Woofs charged', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { orderId } = await createOrder(db, { userId, brandId, format: 'video', duration: 15 });
    await start();
    expect((await orderEnded(orderId)).status).toBe('completed');
    expect(await readCounters(db, brandId)).toMatchObject({
      reels_used: 1,
      woofs_used: 2,
      reels_reserved: 0,
      woofs_reserved: 0,
    });
    const media = await db.query<{ woofs: number; duration_seconds: number; output_url: string }>(
      'select woofs, duration_seconds, output_url from media_generations where order_id = $1',
      [orderId],
    );
    expect(media.rows).toHaveLength(1);
    expect(media.rows[0]).toMatchObject({ woofs: 2, duration_seconds: 15 });
    const types = await db.query<{ type: string }>(
      'select type from order_events where order_id = $1 order by id',
      [orderId],
    );
    expect(types.rows.map((r) => r.type)).toContain('progress');
  });

  it('cleanup requeues a job past its lease, and fails it (ending the order) once attempts are used up', async () => {
    const { userId, brandId } = await seedBrand(db);
    const a = await createOrder(db, { userId, brandId, format: 'image', count: 2, maxAttempts: 3 });
    const b = await createOrder(db, { userId, brandId, format: 'image', count: 1, maxAttempts: 2 });
    await db.query(
      `update job_queue set status = 'running', attempts = case when id = $1 then 1 else 2 end, locked_at = now(),
         locked_by = 'dead-worker', lease_expires_at = now() - interval '1 second' where id in ($1, $2)`,
      [a.jobId, b.jobId],
    );
    const result = await recoverStuckJobs(db, { debug() {}, info() {}, warn() {}, error() {} });
    expect(result.requeued).toEqual([a.jobId]);
    expect(result.failed).toEqual([b.jobId]);
    expect(await readJob(db, a.jobId)).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await readJob(db, b.jobId)).last_error).toContain('lease expired');
    expect((await readOrder(db, b.orderId)).status).toBe('failed');
    expect(await readCounters(db, brandId)).toMatchObject({ images_reserved: 2 });
  });

  it('claims higher priority first, then oldest', async () => {
    const { userId, brandId } = await seedBrand(db, 'studio');
    const low = await createOrder(db, { userId, brandId, format: 'image', priority: 0 });
    const high = await createOrder(db, { userId, brandId, format: 'image', priority: 2 });
    const low2 = await createOrder(db, { userId, brandId, format: 'image', priority: 0 });
    const { CLAIM_JOBS } = await import('../../src/sql/queue/claim-jobs.js');
    const claimed = await db.query<{ id: string }>(CLAIM_JOBS, ['w', 3, 60_000]);
    const order = await db.query<{ id: string }>(
      'select id from job_queue where id = any($1::uuid[]) order by locked_at, id',
      [claimed.rows.map((r) => r.id)],
    );
    expect(order.rows).toHaveLength(3);
    const ids = (
      await db.query<{ id: string }>(`select id from job_queue order by priority desc, created_at, id`)
    ).rows.map((r) => r.id);
    expect(ids).toEqual([high.jobId, low.jobId, low2.jobId]);
    // One claim of 1 takes the high-priority job.
    await db.query(
      `update job_queue set status = 'queued', attempts = 0, locked_at = null, locked_by = null, lease_expires_at = null`,
    );
    const first = await db.query<{ id: string }>(CLAIM_JOBS, ['w', 1, 60_000]);
    expect(first.rows[0]!.id).toBe(high.jobId);
    const second = await db.query<{ id: string }>(CLAIM_JOBS, ['w', 1, 60_000]);
    expect(second.rows[0]!.id).toBe(low.jobId);
  });
});
