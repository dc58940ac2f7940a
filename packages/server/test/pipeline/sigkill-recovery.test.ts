import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { type CliProcess, spawnCli, stopCli } from './cli-processes.js';
import { createOrder, readCounters, readOrder, seedBrand, waitFor } from './fixtures.js';

/**
 * Issue 13's recovery proof, with the real CLI and DEFAULT lease settings: a `worker` process is
 * SIGKILLed mid-carousel and mid-video; a second `worker` claims both jobs again within 30 s and
 * every order ends completed with exactly its assets, no duplicate row or file, and exact quotas.
 */
describe('alfie-server worker killed with SIGKILL (real PostgreSQL, default leases)', () => {
  let db: TestDb;
  let dir: string;
  const processes: CliProcess[] = [];

  beforeEach(async () => {
    db = await createTestDb('postgres');
    dir = mkdtempSync(join(tmpdir(), 'alfie-kill-'));
  });
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => stopCli(p, 'SIGKILL')));
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  function worker(env: Record<string, string> = {}): CliProcess {
    const cli = spawnCli('worker', {
      DATABASE_URL: db.url!,
      DATA_DIR: dir,
      // Slow enough renders that the kill lands mid-carousel and mid-video.
      LOCAL_ENGINE_LATENCY_MS: '1500',
      WORKER_ITEM_CONCURRENCY: '1',
      ...env,
    });
    processes.push(cli);
    return cli;
  }

  async function jobsOf(orderIds: string[]) {
    const { rows } = await db.query<{
      order_id: string;
      status: string;
      attempts: number;
      locked_by: string | null;
    }>('select order_id, status, attempts, locked_by from job_queue where order_id = any($1::uuid[])', [
      orderIds,
    ]);
    return rows;
  }

  it('runs the killed worker’s carousel and video again within 30 s; nothing lost or duplicated', async () => {
    const { userId, brandId } = await seedBrand(db, 'pro');
    const carousel = await createOrder(db, { userId, brandId, format: 'carousel', count: 5 });
    const video = await createOrder(db, { userId, brandId, format: 'video', duration: 4 });
    const doomed = worker();
    const doomedId = JSON.parse(await doomed.waitForLine(/worker started/)).workerId as string;
    // Mid-carousel (some slides delivered, not all) with the video job running on the same worker.
    await waitFor(async () => {
      const jobs = await jobsOf([carousel.orderId, video.orderId]);
      const order = await readOrder(db, carousel.orderId);
      return (
        jobs.every((j) => j.status === 'running' && j.locked_by === doomedId) &&
        order.charged_images >= 1 &&
        order.charged_images < 5
      );
    }, 30_000);
    const rescuer = worker();
    await rescuer.waitForLine(/worker started/);
    doomed.process.kill('SIGKILL');
    await doomed.exited;
    const killedAt = Date.now();

    const reclaimed = await waitFor(async () => {
      const jobs = await jobsOf([carousel.orderId, video.orderId]);
      return jobs.every((j) => j.attempts >= 2 || j.status === 'completed') && Date.now();
    }, 60_000);
    const recoverySeconds = (reclaimed - killedAt) / 1000;
    console.log(`[sigkill-recovery] jobs claimed again ${recoverySeconds.toFixed(1)} s after SIGKILL`);
    expect(recoverySeconds).toBeLessThan(30);

    for (const { orderId } of [carousel, video]) {
      await waitFor(async () => (await readOrder(db, orderId)).status === 'completed', 60_000);
    }
    const slides = await db.query<{ slide_index: number }>(
      'select slide_index from library_assets where order_id = $1 order by slide_index',
      [carousel.orderId],
    );
    expect(slides.rows.map((r) => r.slide_index)).toEqual([0, 1, 2, 3, 4]);
    const videos = await db.query<{ n: number }>(
      'select count(*)::int as n from media_generations where order_id = $1',
      [video.orderId],
    );
    expect(videos.rows[0]!.n).toBe(1);
    const assetEvents = await db.query<{ order_id: string; n: number }>(
      `select order_id, count(*)::int as n from order_events where type = 'asset' group by order_id`,
    );
    expect(Object.fromEntries(assetEvents.rows.map((r) => [r.order_id, r.n]))).toEqual({
      [carousel.orderId]: 5,
      [video.orderId]: 1,
    });
    // One file per slide on disk: a rerun overwrites its own upload, never adds a sibling.
    const slideFiles = readdirSync(join(dir, 'files', 'alfie', brandId, carousel.orderId)).filter((f) =>
      f.startsWith('slide-'),
    );
    expect(slideFiles.sort()).toEqual([
      'slide-0.png',
      'slide-1.png',
      'slide-2.png',
      'slide-3.png',
      'slide-4.png',
    ]);
    expect(await readCounters(db, brandId)).toMatchObject({
      images_used: 5,
      images_reserved: 0,
      reels_used: 1,
      reels_reserved: 0,
    });
    expect((await readOrder(db, video.orderId)).charged_reels).toBe(1);
    expect(rescuer.alive()).toBe(true);
  }, 150_000);

  it('SIGTERM stays graceful: a render longer than the lease finishes within the grace period, exit 0', async () => {
    const { userId, brandId } = await seedBrand(db);
    const image = await createOrder(db, { userId, brandId, format: 'image', count: 1 });
    // 17 s render, past the 15 s lease: only the heartbeat, kept up during shutdown, holds the job.
    const stopping = worker({ LOCAL_ENGINE_LATENCY_MS: '17000' });
    await stopping.waitForLine(/worker started/);
    await waitFor(async () => (await jobsOf([image.orderId]))[0]?.status === 'running', 30_000);
    const other = worker();
    await other.waitForLine(/worker started/);
    stopping.process.kill('SIGTERM');
    expect(await stopping.exited).toBe(0);
    expect(await readOrder(db, image.orderId)).toMatchObject({ status: 'completed', charged_images: 1 });
    await waitFor(async () => (await jobsOf([image.orderId]))[0]?.status === 'completed');
    // Never taken by the other worker's recovery meanwhile: one attempt, one asset.
    expect((await jobsOf([image.orderId]))[0]).toMatchObject({ status: 'completed', attempts: 1 });
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 1, images_reserved: 0 });
    expect(other.alive()).toBe(true);
  }, 90_000);
});
