import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { type Child, killChild, spawnChild } from './children.js';
import { createOrder, readCounters, readJob, readOrder, seedBrand, waitFor } from './fixtures.js';

describe('worker processes on real PostgreSQL', () => {
  let db: TestDb;
  let dir: string;
  const children: Child[] = [];

  beforeEach(async () => {
    db = await createTestDb('postgres');
    dir = mkdtempSync(join(tmpdir(), 'alfie-mp-'));
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((c) => killChild(c, 'SIGKILL')));
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  function worker(env: Record<string, string>): Child {
    const child = spawnChild('worker-child.ts', { DATABASE_URL: db.url!, CHILD_DATA_DIR: dir, ...env });
    children.push(child);
    return child;
  }

  it('two worker processes never run a job twice', async () => {
    const { userId, brandId } = await seedBrand(db, 'studio');
    const orders = [];
    for (let i = 0; i < 40; i++) {
      orders.push(
        await createOrder(db, { userId, brandId, format: 'carousel', count: 2, topic: `order-${i}` }),
      );
    }
    const log = join(dir, 'renders.log');
    const a = worker({ CHILD_LOG_FILE: log, CHILD_LATENCY_MS: '5', CHILD_CONCURRENCY: '4' });
    const b = worker({ CHILD_LOG_FILE: log, CHILD_LATENCY_MS: '5', CHILD_CONCURRENCY: '4' });
    await Promise.all([a.ready, b.ready]);
    await waitFor(async () => {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from job_queue where status = 'completed'`,
      );
      return rows[0]!.n === 40;
    }, 30_000);
    const renders = readFileSync(log, 'utf8').trim().split('\n');
    expect(renders).toHaveLength(80);
    expect(new Set(renders).size).toBe(80);
    const jobs = await db.query<{ attempts: number; locked_by: string | null }>(
      'select attempts from job_queue',
    );
    expect(jobs.rows.every((j) => j.attempts === 1)).toBe(true);
    // Both processes took part (the claim spreads work), and each asset exists once.
    const assets = await db.query<{ n: number }>('select count(*)::int as n from library_assets');
    expect(assets.rows[0]!.n).toBe(80);
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 80, images_reserved: 0 });
  }, 60_000);

  it('a worker killed with SIGKILL mid-job loses nothing: the job is recovered and completed exactly once', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { orderId, jobId } = await createOrder(db, { userId, brandId, format: 'carousel', count: 5 });
    const doomed = worker({ CHILD_LATENCY_MS: '400', CHILD_ITEM_CONCURRENCY: '1', CHILD_LEASE_MS: '1500' });
    await doomed.ready;
    await waitFor(async () => (await readOrder(db, orderId)).charged_images >= 2, 15_000);
    await killChild(doomed, 'SIGKILL');
    const before = await readOrder(db, orderId);
    expect(before.status).toBe('processing');
    expect((await readJob(db, jobId)).status).toBe('running');

    const rescuer = worker({ CHILD_LATENCY_MS: '50', CHILD_CLEANUP_MS: '200' });
    await rescuer.ready;
    const order = await waitFor(async () => {
      const o = await readOrder(db, orderId);
      return o.status === 'completed' && o;
    }, 20_000);
    expect(order.charged_images).toBe(5);
    const job = await waitFor(async () => {
      const j = await readJob(db, jobId);
      return j.status === 'completed' && j;
    });
    expect(job.attempts).toBe(2);
    const assets = await db.query<{ slide_index: number }>(
      'select slide_index from library_assets where order_id = $1 order by slide_index',
      [orderId],
    );
    expect(assets.rows.map((r) => r.slide_index)).toEqual([0, 1, 2, 3, 4]);
    const assetEvents = await db.query<{ n: number }>(
      `select count(*)::int as n from order_events where order_id = $1 and type = 'asset'`,
      [orderId],
    );
    expect(assetEvents.rows[0]!.n).toBe(5);
    expect(await readCounters(db, brandId)).toMatchObject({ images_used: 5, images_reserved: 0 });
  }, 60_000);

  it('SIGTERM releases an in-flight job to the queue after the grace period and exits cleanly', async () => {
    const { userId, brandId } = await seedBrand(db);
    const { jobId } = await createOrder(db, { userId, brandId, format: 'image', count: 1 });
    const child = worker({ CHILD_LATENCY_MS: '10000', CHILD_GRACE_MS: '200' });
    await child.ready;
    await waitFor(async () => (await readJob(db, jobId)).status === 'running');
    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    expect(await readJob(db, jobId)).toMatchObject({ status: 'queued', attempts: 0 });
  }, 30_000);
});
